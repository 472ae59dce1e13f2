import { useEffect, useMemo, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import { setupMonaco } from '../../monaco/setupMonaco';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { ComposerSide } from './ComposerSide';
import type { DraftFormat } from './draftFormat';
import type { ComposerHistoryEntry } from './composerSlice';
import { freshConversation, requestTemplate } from './draftText';
import { configureMessageSchema } from './messageLanguage';
import { ProblemsList } from './ProblemsList';
import { SentHistory } from './SentHistory';
import { TEMPLATES, templateText } from './templates';
import { useComposerEditor } from './useComposerEditor';
import { useComposerSend } from './useComposerSend';
import { useDraftFormat } from './useDraftFormat';
import { useNetworkView } from './useNetworkView';
import '../../shell/messaging.css';

setupMonaco();

const MODEL_URI = 'inmemory://orrery/composer.json';

const defaultReceiver = (s: WorkbenchState) => s.selected ?? s.agentOrder[0] ?? 'echo-1';

const EDITOR_OPTIONS = {
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
} as const;

const ARIA_LABEL: Record<DraftFormat, string> = {
  json: 'Message composer (JSON). Ctrl+Enter sends.',
  fipa: 'Message composer (FIPA-ACL). Ctrl+Enter sends.',
};

/** The operator console: write one ACL message as JSON or in the FIPA-ACL string form and send it from `you`. */
export default function Composer() {
  const store = useWorkbenchStore();
  const theme = useWorkbench((s) => s.theme);
  const selected = useWorkbench((s) => s.selected);
  const network = useNetworkView();
  const names = useMemo(() => ({ agents: Object.keys(network.agents), topics: network.topics, clients: network.clients }), [network]);
  const [initial] = useState(() => requestTemplate(defaultReceiver(store.getState())));
  const submit = useRef<() => void>(() => undefined);
  const formatRef = useRef<DraftFormat>('json');
  const editor = useComposerEditor(network, selected, submit, formatRef);
  const sending = useComposerSend(editor.getText, formatRef, editor.checkNow);
  const { send, setResult } = sending;
  const forms = useDraftFormat(editor, formatRef, (message) => setResult({ kind: 'error', message }));
  useEffect(() => {
    submit.current = () => void send();
  }, [send]);

  // The schema follows the network: completion offers the names that exist now.
  useEffect(() => configureMessageSchema(MODEL_URI, names), [names]);

  const applyTemplate = (id: string) => {
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) return;
    const s = store.getState();
    forms.insertJson(
      templateText(template, { receiver: defaultReceiver(s), agents: s.agentOrder, conversation: freshConversation() }),
      'template',
    );
    setResult({ kind: 'idle' });
    editor.focus();
  };

  const load = (entry: ComposerHistoryEntry) => {
    forms.insertAsWritten(entry.text, 'history');
    setResult({ kind: 'idle' });
    editor.focus();
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
            onMount={editor.onMount}
            loading={<p className="muted pad">Loading editor…</p>}
            options={{ ...EDITOR_OPTIONS, ariaLabel: ARIA_LABEL[forms.format] }}
          />
        </div>
        <ProblemsList problems={editor.problems} />
      </div>
      <ComposerSide
        sending={sending}
        format={forms.format}
        onFormat={(next) => {
          setResult({ kind: 'idle' });
          forms.switchTo(next);
        }}
        onTemplate={applyTemplate}
      />
      <SentHistory onResend={(entry) => void sending.sendText(entry.text)} onLoad={load} />
    </div>
  );
}
