import { useCallback, useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useActions } from '../actions/ActionsContext';
import { APP_ERRORS } from '../errors';
import { setupMonaco } from '../monaco/setupMonaco';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchStore } from '../store/WorkbenchContext';

setupMonaco();

type MonacoEditor = Parameters<OnMount>[0];

export function requestTemplate(receiver: string): string {
  return JSON.stringify({ performative: 'request', receiver, content: { text: 'hello' } }, null, 2);
}

/** Point the draft at `receiver`, if the text is a JSON object; otherwise leave it alone. */
export function retarget(text: string, receiver: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const draft = value as Record<string, unknown>;
    if (draft.receiver === receiver) return null;
    return JSON.stringify({ ...draft, receiver }, null, 2);
  } catch {
    return null;
  }
}

function parseProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const defaultReceiver = (s: WorkbenchState) => s.selected ?? s.agentOrder[0] ?? 'echo-1';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; id: string } | { kind: 'error'; message: string };

/** The operator console: write one ACL message as JSON and send it from `you`. */
export default function Composer() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const theme = useWorkbench((s) => s.theme);
  const selected = useWorkbench((s) => s.selected);
  const editorRef = useRef<MonacoEditor | null>(null);
  const [initial] = useState(() => requestTemplate(defaultReceiver(store.getState())));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const send = useCallback(async () => {
    const text = editorRef.current?.getValue() ?? '';
    const problem = parseProblem(text);
    if (problem) {
      setStatus({ kind: 'error', message: APP_ERRORS.ui004(problem) });
      return;
    }
    setStatus({ kind: 'sending' });
    // The kernel validates the draft; the text goes as written so its errors quote it.
    const outcome = await actions.run('message.send', { draft: text });
    if (!outcome.ok) setStatus({ kind: 'error', message: APP_ERRORS.ui003(outcome.error) });
    else if (outcome.send && !outcome.send.ok) setStatus({ kind: 'error', message: APP_ERRORS.ui003(outcome.send.error) });
    else setStatus({ kind: 'sent', id: outcome.send?.ok ? outcome.send.id : '' });
  }, [actions]);

  const sendRef = useRef(send);
  sendRef.current = send;

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void sendRef.current());
  };

  // Selecting an agent points the draft at it (keeping the user's undo history).
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !selected) return;
    const next = retarget(model.getValue(), selected);
    if (next === null) return;
    editor.pushUndoStop();
    editor.executeEdits('retarget', [{ range: model.getFullModelRange(), text: next }]);
    editor.pushUndoStop();
  }, [selected]);

  return (
    <div className="composer">
      <div className="composer-editor" role="group" aria-label="Message editor">
        <Editor
          defaultLanguage="json"
          defaultValue={initial}
          defaultPath="inmemory://orrery/composer.json"
          theme={theme === 'dark' ? 'orrery-dark' : 'orrery-light'}
          onMount={onMount}
          loading={<p className="muted pad">Loading editor…</p>}
          options={{
            ariaLabel: 'Message composer (JSON). Ctrl+Enter sends.',
            minimap: { enabled: false },
            fontSize: 13,
            lineNumbers: 'on',
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize: 2,
            renderLineHighlight: 'line',
            fixedOverflowWidgets: true,
          }}
        />
      </div>
      <div className="composer-side">
        <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={status.kind === 'sending'}>
          Send
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            const editor = editorRef.current;
            const model = editor?.getModel();
            if (!editor || !model) return;
            editor.executeEdits('template', [
              { range: model.getFullModelRange(), text: requestTemplate(defaultReceiver(store.getState())) },
            ]);
            setStatus({ kind: 'idle' });
          }}
        >
          Reset template
        </button>
        <p className="muted small">
          Sent as <span className="mono">you</span>, which reaches every agent without links. Ctrl+Enter sends.
        </p>
        {status.kind === 'error' && (
          <div role="alert" className="alert alert-error">
            {status.message}
          </div>
        )}
        {status.kind === 'sent' && (
          <p role="status" className="alert alert-ok">
            Sent{status.id ? <> as <span className="mono">{status.id}</span></> : null}. Replies appear in the Log tab.
          </p>
        )}
      </div>
    </div>
  );
}
