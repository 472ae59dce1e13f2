import { useCallback, useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useActions } from '../../actions/ActionsContext';
import { APP_ERRORS } from '../../errors';
import { configureMessageSchema, markKernelProblems } from './messageLanguage';
import { setupMonaco, type Monaco } from '../../monaco/setupMonaco';
import type { ComposerHistoryEntry } from './composerSlice';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { ReplyView, type ComposerResult } from './ReplyView';
import { SentHistory } from './SentHistory';
import { TEMPLATES, templateText } from './templates';
import { useNetworkNames } from './useNetworkNames';
import '../../shell/messaging.css';

setupMonaco();

type MonacoEditor = Parameters<OnMount>[0];

const MODEL_URI = 'inmemory://orrery/composer.json';
const DEFAULT_TIMEOUT_MS = 5000;

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

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function parseDraft(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, message: APP_ERRORS.ui004('it is not an object') };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: APP_ERRORS.ui004(error instanceof Error ? error.message : String(error)) };
  }
}

function receiverText(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

const defaultReceiver = (s: WorkbenchState) => s.selected ?? s.agentOrder[0] ?? 'echo-1';

let conversationSeq = 0;
const freshConversation = () => `c${++conversationSeq}-${Date.now().toString(36).slice(-4)}`;

interface Problem {
  line: number;
  message: string;
}

/** The operator console: write one ACL message as JSON and send it from `you`. */
export default function Composer() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const theme = useWorkbench((s) => s.theme);
  const selected = useWorkbench((s) => s.selected);
  const names = useNetworkNames();
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const [initial] = useState(() => requestTemplate(defaultReceiver(store.getState())));
  const [result, setResult] = useState<ComposerResult>({ kind: 'idle' });
  const [timeoutMs, setTimeoutMs] = useState(String(DEFAULT_TIMEOUT_MS));
  const [problems, setProblems] = useState<Problem[]>([]);
  const busy = result.kind === 'sending' || result.kind === 'waiting';

  // The schema follows the network: completion offers the names that exist now.
  useEffect(() => configureMessageSchema(MODEL_URI, names), [names]);

  const replaceText = useCallback((text: string, source: string) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    editor.pushUndoStop();
    editor.executeEdits(source, [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }, []);

  const record = useCallback(
    (text: string, draft: Record<string, unknown>, mode: ComposerHistoryEntry['mode'], messageId?: string) => {
      store.getState().recordSent({
        text,
        performative: String(draft.performative ?? '?'),
        receiver: receiverText(draft.receiver),
        mode,
        sentAt: Date.now(),
        ...(messageId ? { messageId } : {}),
      });
    },
    [store],
  );

  const sendText = useCallback(
    async (text: string) => {
      const parsed = parseDraft(text);
      if (!parsed.ok) return setResult({ kind: 'error', message: parsed.message });
      setResult({ kind: 'sending' });
      // The same draft shape as Send and wait: the object parsed here; the kernel validates it.
      const outcome = await actions.run('message.send', { draft: parsed.value });
      if (!outcome.ok) return setResult({ kind: 'error', message: APP_ERRORS.ui003(outcome.error) });
      if (outcome.send && !outcome.send.ok) return setResult({ kind: 'error', message: APP_ERRORS.ui003(outcome.send.error) });
      const id = outcome.send?.ok ? outcome.send.id : '';
      record(text, parsed.value, 'send', id);
      setResult({ kind: 'sent', id });
    },
    [actions, record],
  );

  const sendAndWait = useCallback(async () => {
    const text = editorRef.current?.getValue() ?? '';
    const parsed = parseDraft(text);
    if (!parsed.ok) return setResult({ kind: 'error', message: parsed.message });
    const ms = Number(timeoutMs);
    if (!Number.isFinite(ms) || ms <= 0) {
      return setResult({ kind: 'error', message: `Timeout (ms): expected a positive number, got "${timeoutMs}".` });
    }
    setResult({ kind: 'waiting', timeoutMs: ms });
    const started = performance.now();
    const outcome = await actions.run('message.request', { draft: parsed.value, timeoutMs: ms });
    if (!outcome.ok) return setResult({ kind: 'error', message: APP_ERRORS.ui003(outcome.error) });
    record(text, parsed.value, 'request');
    if (outcome.reply) setResult({ kind: 'reply', message: outcome.reply, ms: Math.round(performance.now() - started) });
  }, [actions, record, timeoutMs]);

  const send = useCallback(() => sendText(editorRef.current?.getValue() ?? ''), [sendText]);
  const sendRef = useRef(send);
  sendRef.current = send;

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco as unknown as Monaco;
    const m = monacoRef.current;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void sendRef.current());
    const model = editor.getModel();
    if (!model) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => markKernelProblems(m, model as never);
    check();
    editor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(check, 120);
    });
    const showMarkers = () =>
      setProblems(
        m.editor
          .getModelMarkers({ resource: model.uri })
          .filter((mk) => mk.severity >= m.MarkerSeverity.Warning)
          .map((mk) => ({ line: mk.startLineNumber, message: mk.message })),
      );
    const sub = m.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) showMarkers();
    });
    editor.onDidDispose(() => {
      clearTimeout(timer);
      sub.dispose();
    });
  };

  // Selecting an agent points the draft at it (keeping the user's undo history).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || !selected) return;
    const next = retarget(model.getValue(), selected);
    if (next !== null) replaceText(next, 'retarget');
  }, [selected, replaceText]);

  const applyTemplate = (id: string) => {
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) return;
    const s = store.getState();
    replaceText(
      templateText(template, { receiver: defaultReceiver(s), agents: s.agentOrder, conversation: freshConversation() }),
      'template',
    );
    setResult({ kind: 'idle' });
    editorRef.current?.focus();
  };

  const load = (entry: ComposerHistoryEntry) => {
    replaceText(entry.text, 'history');
    setResult({ kind: 'idle' });
    editorRef.current?.focus();
  };

  return (
    <div className="composer">
      <div className="composer-main">
        <div className="composer-editor" role="group" aria-label="Message editor">
          <Editor
            defaultLanguage="json"
            defaultValue={initial}
            defaultPath={MODEL_URI}
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
              quickSuggestions: { strings: true, other: true, comments: false },
              suggestOnTriggerCharacters: true,
            }}
          />
        </div>
        <ul className={`composer-problems${problems.length ? '' : ' is-empty'}`} aria-label="Problems">
          {problems.length === 0 ? (
            <li className="muted">No problems</li>
          ) : (
            problems.map((p, i) => (
              <li key={i} className="composer-problem">
                <span className="mono muted">Ln {p.line}</span> {p.message}
              </li>
            ))
          )}
        </ul>
      </div>
      <div className="composer-side">
        <label className="field">
          <span className="field-label">Templates</span>
          <select
            className="input"
            aria-label="Templates"
            value=""
            onChange={(e) => applyTemplate(e.target.value)}
          >
            <option value="" disabled>
              Insert a template…
            </option>
            {(['Performatives', 'Patterns'] as const).map((group) => (
              <optgroup key={group} label={group}>
                {TEMPLATES.filter((t) => t.group === group).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <div className="composer-buttons">
          <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={busy}>
            Send
          </button>
          <button type="button" className="btn" onClick={() => void sendAndWait()} disabled={busy}>
            Send and wait
          </button>
        </div>
        <label className="field field-inline">
          <span className="field-label">Timeout (ms)</span>
          <input
            className="input input-number"
            type="number"
            min={1}
            step={500}
            value={timeoutMs}
            onChange={(e) => setTimeoutMs(e.target.value)}
          />
        </label>
        <p className="muted small">
          Sent as <span className="mono">you</span>, which reaches every agent without links. Ctrl+Enter sends.
        </p>
        <ReplyView result={result} />
      </div>
      <SentHistory onResend={(entry) => void sendText(entry.text)} onLoad={load} />
    </div>
  );
}
