/**
 * Baselines: save a run's summary under a name (IndexedDB), and compare the run shown with a
 * chosen baseline, figure by figure: the change in percent, regressions beyond the margin
 * (10 % by default) flagged.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LoadRunResult } from '../../../experiments/load/run/types';
import { compareWithBaseline, createBaseline, type Baseline, type BaselineRow } from '../../../experiments/load/summary/compareBaseline';
import { trimNumber } from '../../../experiments/load/summary/formatFigures';
import { NumberField, TextField } from '../../ui/fields';
import { indexedDbBaselines, type BaselineStore } from './baselineStore';

const defaultStore = indexedDbBaselines();

function useBaselines(store: BaselineStore) {
  const [baselines, setBaselines] = useState<Baseline[]>([]);
  const [error, setError] = useState('');
  const refresh = useCallback(
    () =>
      store.list().then(
        (list) => (setBaselines(list), setError('')),
        (e: unknown) => setError(`Baselines could not be read: ${e instanceof Error ? e.message : String(e)}`),
      ),
    [store],
  );
  useEffect(() => void refresh(), [refresh]);
  return { baselines, error, setError, refresh };
}

export function BaselineView({ result, store = defaultStore }: { result: LoadRunResult; store?: BaselineStore }) {
  const { baselines, error, setError, refresh } = useBaselines(store);
  const [name, setName] = useState(result.name);
  const [chosen, setChosen] = useState('');
  const [margin, setMargin] = useState(10);
  const [saved, setSaved] = useState('');
  const baseline = baselines.find((b) => b.name === chosen) ?? baselines[0];

  const save = async () => {
    const label = name.trim() || result.name;
    try {
      await store.put(createBaseline(result.summary, label, new Date().toISOString()));
      await refresh();
      setChosen(label);
      setSaved(`Saved as baseline “${label}”.`);
    } catch (e) {
      setError(`The baseline could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="load-baselines" aria-label="Baselines">
      <div className="lab-toolbar">
        <TextField label="Baseline name" value={name} onChange={setName} />
        <button type="button" className="btn btn-small" onClick={() => void save()}>
          Save as baseline
        </button>
        <label className="lab-field">
          <span className="lab-label">Compare with</span>
          <select
            className="lab-input"
            aria-label="Compare with baseline"
            value={baseline?.name ?? ''}
            disabled={baselines.length === 0}
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            {baselines.length === 0 && <option value="">no baselines saved</option>}
            {baselines.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Regression margin" unit="%" min={0} max={1000} value={margin} onChange={(m) => setMargin(Math.max(0, m))} />
      </div>
      {(error || saved) && (
        <p className="small" role="status">
          {error || saved}
        </p>
      )}
      {baseline && <Comparison result={result} baseline={baseline} margin={margin} />}
    </section>
  );
}

function change(r: BaselineRow): string {
  if (r.changePct === null) return 'from 0';
  if (r.changePct === 0) return 'no change';
  return `${r.changePct > 0 ? '+' : ''}${trimNumber(r.changePct, 1)} %`;
}

function Comparison({ result, baseline, margin }: { result: LoadRunResult; baseline: Baseline; margin: number }) {
  const comparison = compareWithBaseline(result.summary, baseline.summary, { regressionPct: margin });
  const n = comparison.regressions.length;
  return (
    <>
      <p className="small" role="status" aria-label="Baseline verdict">
        {n === 0
          ? `No regressions beyond ${margin} % against “${baseline.name}”.`
          : `${n} regression${n === 1 ? '' : 's'} beyond ${margin} % against “${baseline.name}”: ${comparison.regressions
              .map((r) => `${r.metric} ${r.stat}`)
              .join(', ')}.`}
      </p>
      <table className="load-table" aria-label="Comparison with baseline">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Figure</th>
            <th scope="col">Baseline</th>
            <th scope="col">This run</th>
            <th scope="col">Change</th>
            <th scope="col">Flag</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr key={`${r.metric} ${r.stat}`} className={r.regression ? 'load-fail' : r.improvement ? 'load-pass' : ''}>
              <th scope="row" className="mono">
                {r.metric}
              </th>
              <td className="mono">{r.stat}</td>
              <td>{trimNumber(r.baseline, 3)}</td>
              <td>{trimNumber(r.current, 3)}</td>
              <td>{change(r)}</td>
              <td>{r.regression ? '✗ regression' : r.improvement ? '✓ better' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
