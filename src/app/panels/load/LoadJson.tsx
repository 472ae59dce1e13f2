/**
 * The same load file as JSON in Monaco, with completion and squiggles from the load JSON
 * Schema: edit it and apply. A file that is not valid is refused with every problem and its
 * field path (`experiment.scenarios.x.executor: …`); what was typed stays.
 */
import Editor from '@monaco-editor/react';
import { useState } from 'react';
import { checkLoadExperiment } from '../../../experiments/load/experiment';
import { setupMonaco } from '../../monaco/setupMonaco';
import { useWorkbench } from '../../store/WorkbenchContext';
import type { LoadDoc } from './loadDoc';
import { LOAD_MODEL_URI, registerLoadSchema } from './loadLanguage';
import { ProblemList, type Refusal } from './ProblemList';

setupMonaco();

const EDITOR_OPTIONS = {
  ariaLabel: 'Load experiment JSON',
  minimap: { enabled: false },
  fontSize: 12,
  lineNumbers: 'on',
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  fixedOverflowWidgets: true,
  quickSuggestions: { strings: true, other: true, comments: false },
  suggestOnTriggerCharacters: true,
} as const;

/** The text as a load file, or why not. */
export function readLoadText(text: string): { ok: true; doc: LoadDoc } | { ok: false; refusal: Refusal } {
  const checked = checkLoadExperiment(text);
  if (!checked.ok) {
    const e = checked.error;
    return { ok: false, refusal: { summary: e.message.split('\n')[0]!, problems: e.problems, hint: e.hint } };
  }
  return { ok: true, doc: JSON.parse(text) as LoadDoc };
}

export function LoadJson({ doc, onApply }: { doc: LoadDoc; onApply(doc: LoadDoc): void }) {
  const theme = useWorkbench((s) => s.theme);
  const original = JSON.stringify(doc, null, 2);
  const [text, setText] = useState(original);
  const [base, setBase] = useState(original);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  if (base !== original) {
    // The form or the gallery changed the file: show the new JSON.
    setBase(original);
    setText(original);
    setRefusal(null);
  }
  const apply = () => {
    const read = readLoadText(text);
    if (read.ok) {
      setRefusal(null);
      onApply(read.doc);
    } else setRefusal(read.refusal);
  };
  return (
    <div className="lab-json">
      <div className="lab-json-editor" role="group" aria-label="Load JSON editor">
        <Editor
          defaultLanguage="json"
          path={LOAD_MODEL_URI}
          value={text}
          onChange={(value) => setText(value ?? '')}
          onMount={(editor) => {
            registerLoadSchema();
            editor.onDidFocusEditorText(() => registerLoadSchema());
          }}
          theme={theme === 'dark' ? 'orrery-dark' : 'orrery-light'}
          loading={<p className="muted pad">Loading editor…</p>}
          options={EDITOR_OPTIONS}
        />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={apply} disabled={text === original}>
          Apply JSON
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setText(original)} disabled={text === original}>
          Revert
        </button>
      </div>
      {refusal && <ProblemList refusal={refusal} label="JSON problems" />}
    </div>
  );
}
