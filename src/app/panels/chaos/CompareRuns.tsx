/** Two runs side by side: same/different log hash, headline numbers, the checks that moved, probes × windows. */
import { useState } from 'react';
import { compareRuns, type CompareCell } from '../../../experiments/chaos/compare';
import type { ChaosRun } from './resilienceSlice';
import { HashVerdict, SidePicker } from './compareParts';
import { formatValue } from './formatValue';

const label = (r: ChaosRun) =>
  `#${r.id} ${r.result.experiment} · seed ${r.result.seed} · ${r.result.pass ? 'pass' : 'fail'} · ${r.result.hash.slice(0, 8)}`;
const MOVES = { 'now-fails': 'now fails', 'now-passes': 'now passes', added: 'only in B', removed: 'only in A' } as const;

function Cell({ c }: { c: CompareCell | undefined }) {
  if (!c) return <span className="muted">—</span>;
  return <span className={c.pass ? 'lab-pass-text' : 'lab-fail-text'}>{`${c.pass ? 'pass' : 'FAIL'} ${formatValue(c.value)}`}</span>;
}

export function CompareRuns({ runs }: { runs: readonly ChaosRun[] }) {
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (runs.length < 2)
    return <p className="muted pad">Run the experiment at least twice (e.g. two seeds, or before and after a change) to compare.</p>;
  const ra = runs.find((r) => r.id === a) ?? runs[runs.length - 2]!;
  const rb = runs.find((r) => r.id === b) ?? runs[runs.length - 1]!;
  const t = compareRuns(ra.result, rb.result);
  return (
    <>
      <div className="lab-row">
        <SidePicker name="Run A" items={runs} value={ra.id} label={label} onChange={setA} />
        <SidePicker name="Run B" items={runs} value={rb.id} label={label} onChange={setB} />
      </div>
      <HashVerdict same={t.sameHash} text={t.sameHash ? 'Same log hash: the two runs logged the same events' : 'Different log hashes'} />
      <table className="lab-table" aria-label="Summary A versus B">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {t.summary.map((s) => (
            <tr key={s.label} className={s.changed ? 'lab-changed' : undefined}>
              <th scope="row">{s.label}</th>
              <td className="mono lab-hash-cell">{s.a}</td>
              <td className="mono lab-hash-cell">{s.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="lab-h">Checks that moved</h4>
      <ul className="lab-seeds" aria-label="Checks that moved">
        {t.moved.length === 0 && <li className="muted small">None: every check has the same verdict in A and B.</li>}
        {t.moved.map((m) => (
          <li key={`${m.window}/${m.probe}`} className="lab-seed">
            <span className="mono">
              {m.window} · {m.probe}
            </span>
            <span className={m.move === 'now-passes' ? 'lab-pass-text' : 'lab-fail-text'}>{MOVES[m.move]}</span>
            <span className="small">
              A <Cell c={m.a} /> · B <Cell c={m.b} />
            </span>
          </li>
        ))}
      </ul>
      <table className="lab-table" aria-label="Probes by window, A versus B">
        <thead>
          <tr>
            <th scope="col">Probe</th>
            {t.windows.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row) => (
            <tr key={row.probe}>
              <th scope="row" className="mono">
                {row.probe}
              </th>
              {t.windows.map((w) => {
                const c = row.cells[w]!;
                return (
                  <td key={w} className={c.changed ? 'lab-changed' : undefined}>
                    A <Cell c={c.a} /> · B <Cell c={c.b} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
