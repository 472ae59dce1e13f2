/**
 * The same experiment as JSON in Monaco, with completion and squiggles from the experiment
 * JSON Schema: edit it and apply, or copy it out. Problems are listed with their paths.
 */
import Editor from '@monaco-editor/react';
import { useState } from 'react';
import { ExperimentSchemaError, parseExperiment } from '../../../experiments/chaos/parseExperiment';
import type { Experiment } from '../../../experiments/chaos/types';
import { setupMonaco } from '../../monaco/setupMonaco';
import { useWorkbench } from '../../store/WorkbenchContext';
import { EXPERIMENT_MODEL_URI, registerExperimentSchema } from './experimentLanguage';

setupMonaco();

const EDITOR_OPTIONS = {
  ariaLabel: 'Experiment JSON',
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

/** What Apply refused: the coded summary (`ORR301: …`, searchable in docs/errors.md), each problem, the hint. */
interface Refusal {
  summary: string;
  problems: string[];
  hint?: string;
}

function refusalOf(e: unknown): Refusal {
  if (e instanceof ExperimentSchemaError) return { summary: e.message.split('\n')[0]!, problems: e.problems, hint: e.hint };
  return { summary: 'The JSON could not be applied:', problems: [e instanceof Error ? e.message : String(e)] };
}

export function ExperimentJson({ experiment, onApply }: { experiment: Experiment; onApply(e: Experiment): void }) {
  const theme = useWorkbench((s) => s.theme);
  const original = JSON.stringify(experiment, null, 2);
  const [text, setText] = useState(original);
  const [base, setBase] = useState(original);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  if (base !== original) {
    // The form changed underneath: show the new JSON.
    setBase(original);
    setText(original);
    setRefusal(null);
  }
  const apply = () => {
    try {
      onApply(parseExperiment(text));
      setRefusal(null);
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  };
  return (
    <div className="lab-json">
      <div className="lab-json-editor" role="group" aria-label="Experiment JSON editor">
        <Editor
          defaultLanguage="json"
          path={EXPERIMENT_MODEL_URI}
          value={text}
          onChange={(value) => setText(value ?? '')}
          onMount={(editor) => {
            registerExperimentSchema();
            editor.onDidFocusEditorText(() => registerExperimentSchema());
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
      {refusal && (
        <>
          <p className="lab-errors">{refusal.summary}</p>
          <ul className="lab-errors" aria-label="JSON problems">
            {refusal.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {refusal.hint && <p className="muted">{refusal.hint}</p>}
        </>
      )}
    </div>
  );
}
