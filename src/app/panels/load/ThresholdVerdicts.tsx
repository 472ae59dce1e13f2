/** Each threshold with the figure it is judged on: live while the run goes ("so far"), then the final ✓/✗. */
import { LOAD_METRICS } from '../../../experiments/load/metrics/loadMetrics';
import { formatFigure } from '../../../experiments/load/summary/formatFigures';
import type { ThresholdResult } from '../../../experiments/load/thresholds/evaluateThresholds';

export function observedText(r: ThresholdResult): string {
  if (r.observed === null) return 'no figure';
  const definition = LOAD_METRICS.find((m) => m.name === r.metric.split('{')[0]);
  const figure = definition ? formatFigure(r.observed, r.aggregation, definition) : String(r.observed);
  return r.samples === 0 ? `${figure} (no samples)` : figure;
}

export function ThresholdVerdicts({ results, final }: { results: readonly ThresholdResult[]; final: boolean }) {
  if (results.length === 0) return <p className="small muted">No thresholds: the run passes whatever the figures.</p>;
  return (
    <table className="load-table" aria-label="Threshold verdicts">
      <caption className="small muted">{final ? 'Thresholds, final' : 'Thresholds so far (judged again at the end)'}</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Threshold</th>
          <th scope="col">Observed</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={`${r.metric} ${r.source}`} className={r.passed ? 'load-pass' : 'load-fail'}>
            <th scope="row" className="mono">
              {r.metric}
            </th>
            <td className="mono">{r.source}</td>
            <td>{observedText(r)}</td>
            <td>{verdictWords(r, final)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function verdictWords(r: ThresholdResult, final: boolean): string {
  if (final) return r.passed ? '✓ passed' : '✗ failed';
  return r.passed ? '✓ holding' : '✗ failing';
}
