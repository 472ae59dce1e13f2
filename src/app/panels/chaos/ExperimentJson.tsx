/** The same experiment as JSON: edit it and apply, or copy it out. Problems are listed with their paths. */
import { useState } from 'react';
import { ExperimentSchemaError, parseExperiment } from '../../../experiments/chaos/parseExperiment';
import type { Experiment } from '../../../experiments/chaos/types';

export function ExperimentJson({ experiment, onApply }: { experiment: Experiment; onApply(e: Experiment): void }) {
  const original = JSON.stringify(experiment, null, 2);
  const [text, setText] = useState(original);
  const [base, setBase] = useState(original);
  const [problems, setProblems] = useState<string[]>([]);
  if (base !== original) {
    // The form changed underneath: show the new JSON.
    setBase(original);
    setText(original);
    setProblems([]);
  }
  const apply = () => {
    try {
      onApply(parseExperiment(JSON.parse(text)));
      setProblems([]);
    } catch (e) {
      setProblems(e instanceof ExperimentSchemaError ? e.problems : [e instanceof Error ? e.message : String(e)]);
    }
  };
  return (
    <div className="lab-json">
      <textarea className="lab-json-text mono" aria-label="Experiment JSON" spellCheck={false} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={apply} disabled={text === original}>
          Apply JSON
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setText(original)} disabled={text === original}>
          Revert
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="lab-errors" aria-label="JSON problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
