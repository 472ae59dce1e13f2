/** Saved experiments (the store's `experiments`, persisted with the workspace): save, load, delete. */
import { useState } from 'react';
import type { Experiment } from '../../../experiments/chaos/types';
import { useActions } from '../../actions/ActionsContext';
import { useWorkbench } from '../../store/WorkbenchContext';

export function SavedExperiments({ current, onLoad }: { current: Experiment; onLoad(e: Experiment): void }) {
  const actions = useActions();
  const saved = useWorkbench((s) => s.experiments);
  const names = Object.keys(saved).sort();
  const [pick, setPick] = useState('');
  const chosen = names.includes(pick) ? pick : (names[0] ?? '');
  return (
    <div className="lab-saved" role="group" aria-label="Saved experiments">
      <button
        type="button"
        className="btn btn-small"
        onClick={() => (void actions.run('experiment.save', { experiment: current }), setPick(current.name))}
        title={`Save as “${current.name}”`}
      >
        Save
      </button>
      <select
        className="lab-input"
        aria-label="Saved experiment"
        value={chosen}
        onChange={(e) => setPick(e.currentTarget.value)}
        disabled={names.length === 0}
      >
        {names.length === 0 && <option value="">none saved</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" disabled={!chosen} onClick={() => saved[chosen] && onLoad(saved[chosen])}>
        Load
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost btn-danger"
        disabled={!chosen}
        onClick={() => void actions.run('experiment.delete', { name: chosen })}
        aria-label={`Delete saved experiment ${chosen}`}
      >
        Delete
      </button>
    </div>
  );
}
