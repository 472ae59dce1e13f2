/** One run: verdict, seed and log hash, probes × windows, timeline beside the metrics chart. */
import type { ChaosRun } from './resilienceSlice';
import { formatValue } from './formatValue';
import { MetricsChart } from './MetricsChart';
import { Timeline } from './Timeline';
import { ContractCount } from './ContractCount';

export function VerdictBadge({ pass }: { pass: boolean }) {
  return <span className={`lab-verdict ${pass ? 'lab-pass' : 'lab-fail'}`}>{pass ? 'pass' : 'fail'}</span>;
}

export function ResultView({ run, onRerun, busy }: { run: ChaosRun; onRerun(): void; busy: boolean }) {
  const r = run.result;
  return (
    <section className="lab-result" aria-label={`Result of run ${run.id}`}>
      <div className="lab-result-head">
        <strong>{r.experiment}</strong>
        <VerdictBadge pass={r.pass} />
        <span className="muted small">{r.mode}</span>
        <span className="small">
          Seed{' '}
          <span className="mono" aria-label="Seed">
            {r.seed}
          </span>
        </span>
        <span className="small lab-hash">
          Log hash{' '}
          <span className="mono" aria-label="Log hash" title={r.hash}>
            {r.hash}
          </span>
        </span>
        {run.rerunOf && (
          <span className={`lab-match ${run.rerunOf.same ? 'lab-pass' : 'lab-fail'}`} role="status">
            {run.rerunOf.same ? 'same log hash' : 'different'} as run {run.rerunOf.id}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={onRerun}
          disabled={busy || r.mode !== 'simulation'}
          title={r.mode === 'simulation' ? undefined : 'live runs are not deterministic'}
        >
          Re-run this seed
        </button>
      </div>
      <p className="small muted lab-counts">
        {r.counts.requests} requests · {r.counts.succeeded} ok · {r.counts.failed} failed · {r.counts.lost} lost · {r.counts.deadLetters}{' '}
        dead letters · {r.counts.crashes} crashes · {r.counts.restarts} restarts · {(r.virtualMs / 1000).toFixed(2)} s{' '}
        {r.mode === 'simulation' ? 'virtual' : ''} in {(r.wallMs / 1000).toFixed(2)} s
      </p>
      <ContractCount summary={r.contracts} />
      {r.errors.length > 0 && (
        <ul className="lab-errors" aria-label="Run errors">
          {r.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <VerdictTable result={r} />
      <div className="lab-split">
        <div>
          <h4 className="lab-h">Timeline</h4>
          <Timeline entries={r.timeline} t0={r.t0} end={r.end} />
        </div>
        <div>
          <h4 className="lab-h">Metrics</h4>
          <MetricsChart id={`chart-${run.id}`} metrics={run.metrics} windows={r.windows} t0={r.t0} />
        </div>
      </div>
    </section>
  );
}

/** Probes × windows: each cell the verdict, the measured value and the threshold. */
function VerdictTable({ result: r }: { result: ChaosRun['result'] }) {
  const probes: string[] = [];
  for (const w of r.windows) for (const p of w.probes) if (!probes.includes(p.id)) probes.push(p.id);
  return (
    <table className="lab-table" aria-label="Hypothesis by window">
      <thead>
        <tr>
          <th scope="col">Probe</th>
          {r.windows.map((w) => (
            <th key={w.name} scope="col">
              {w.name} <VerdictBadge pass={w.pass} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {probes.map((id) => (
          <tr key={id}>
            <th scope="row" className="mono">
              {id}
            </th>
            {r.windows.map((w) => {
              const v = w.probes.find((p) => p.id === id);
              return (
                <td key={w.name} title={v?.detail} className={v ? (v.pass ? 'lab-cell-pass' : 'lab-cell-fail') : 'muted'}>
                  {v ? `${v.pass ? 'pass' : 'FAIL'} ${formatValue(v.value)} (${v.threshold})` : '—'}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
