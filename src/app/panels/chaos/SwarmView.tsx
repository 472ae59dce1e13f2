/** A swarm: failing seeds first with their failing probes, each re-runnable; then every seed's verdict and log hash. */
import type { SwarmState } from './useChaosLab';
import { VerdictBadge } from './ResultView';

export function SwarmView({ swarm, onRerun, busy }: { swarm: SwarmState | null; onRerun(seed: number): void; busy: boolean }) {
  if (!swarm) return <p className="muted pad">Run a swarm to try the experiment over many seeds in the simulation.</p>;
  const failing = swarm.runs.filter((r) => !r.pass);
  const passing = swarm.runs.filter((r) => r.pass);
  const checked = swarm.runs.some((r) => r.contracts !== undefined);
  return (
    <section className="lab-swarm" aria-label="Swarm results">
      <p className="small">
        {swarm.runs.length} of {swarm.total} seeds · <span className="lab-pass-text">{passing.length} passed</span> ·{' '}
        <span className="lab-fail-text">{failing.length} failed</span>
      </p>
      <ul className="lab-seeds" aria-label="Failing seeds">
        {failing.length === 0 && <li className="muted small">No failing seeds{swarm.done ? '' : ' so far'}.</li>}
        {failing.map((r) => (
          <li key={r.seed} className="lab-seed">
            <span className="mono">seed {r.seed}</span>
            <VerdictBadge pass={false} />
            <span className="small lab-seed-why">
              {[...r.failures.map((f) => `${f.probe} in ${f.window} (${f.detail})`), ...r.errors].join('; ')}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => onRerun(r.seed)}
              aria-label={`Re-run seed ${r.seed}`}
            >
              Re-run
            </button>
          </li>
        ))}
      </ul>
      <table className="lab-table" aria-label="Every seed">
        <thead>
          <tr>
            <th scope="col">Seed</th>
            <th scope="col">Verdict</th>
            <th scope="col">Log hash</th>
            {checked && <th scope="col">Contract violations</th>}
          </tr>
        </thead>
        <tbody>
          {swarm.runs.map((r) => (
            <tr key={r.seed}>
              <th scope="row" className="mono">
                {r.seed}
              </th>
              <td>
                <VerdictBadge pass={r.pass} />
              </td>
              <td className="mono lab-hash-cell" aria-label={`Log hash of seed ${r.seed}`}>
                {r.hash}
              </td>
              {checked && (
                <td className="mono" aria-label={`Contract violations of seed ${r.seed}`}>
                  {r.contracts?.violations ?? '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
