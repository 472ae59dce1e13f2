/** Thresholds as rows: a metric key (`latency`, `latency{scenario:ramp}`), a k6 expression, and whether a failure stops the run. */
import { CheckField, TextField } from '../../ui/fields';
import { thresholdRows, withThresholdRows, type LoadDoc, type ThresholdRow } from './loadDoc';

export function ThresholdFields({ doc, onChange }: { doc: LoadDoc; onChange(doc: LoadDoc): void }) {
  const rows = thresholdRows(doc);
  const set = (i: number, next: ThresholdRow | null) =>
    onChange(withThresholdRows(doc, next ? rows.map((r, j) => (j === i ? next : r)) : rows.filter((_, j) => j !== i)));
  return (
    <fieldset className="lab-section">
      <legend>Thresholds</legend>
      {rows.length === 0 && <p className="small muted">No thresholds: the run passes whatever the figures.</p>}
      {rows.map((row, i) => (
        <div key={i} className="lab-row" role="group" aria-label={`Threshold ${i + 1}`}>
          <TextField label="Metric" value={row.metric} placeholder="latency" onChange={(metric) => set(i, { ...row, metric })} />
          <TextField
            label="Expression"
            value={row.expression}
            placeholder="p(95)<100"
            onChange={(expression) => set(i, { ...row, expression })}
          />
          <CheckField label="Abort on fail" checked={row.abortOnFail} onChange={(abortOnFail) => set(i, { ...row, abortOnFail })} />
          <button type="button" className="btn btn-ghost btn-small" onClick={() => set(i, null)} aria-label={`Remove threshold ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange(withThresholdRows(doc, [...rows, { metric: 'latency', expression: 'p(95)<100', abortOnFail: false }]))}
      >
        Add threshold
      </button>
    </fieldset>
  );
}
