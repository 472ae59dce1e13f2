/** Two runs side by side: probes × windows, A and B in each cell, changed verdicts marked. */
import { useState } from 'react';
import type { ChaosRun } from './resilienceSlice';
import { compareResults, formatValue, type CompareCell } from './compareModel';

const label = (r: ChaosRun) => `#${r.id} ${r.result.experiment} · seed ${r.result.seed} · ${r.result.pass ? 'pass' : 'fail'}`;

function Cell({ c }: { c: CompareCell | undefined }) {
  if (!c) return <span className="muted">—</span>;
  return <span className={c.pass ? 'lab-pass-text' : 'lab-fail-text'}>{`${c.pass ? 'pass' : 'FAIL'} ${formatValue(c.value)}`}</span>;
}

export function CompareView({ runs }: { runs: readonly ChaosRun[] }) {
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (runs.length < 2) return <p className="muted pad">Run the experiment at least twice (e.g. two seeds, or before and after a change) to compare.</p>;
  const ra = runs.find((r) => r.id === a) ?? runs[runs.length - 2]!;
  const rb = runs.find((r) => r.id === b) ?? runs[runs.length - 1]!;
  const table = compareResults(ra.result, rb.result);
  const pick = (value: number, set: (n: number) => void, name: string) => (
    <label className="lab-field">
      <span className="lab-label">{name}</span>
      <select className="lab-input" aria-label={name} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {label(r)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="lab-compare" aria-label="Compare runs">
      <div className="lab-row">
        {pick(ra.id, setA, 'Run A')}
        {pick(rb.id, setB, 'Run B')}
      </div>
      <table className="lab-table" aria-label="Summary A versus B">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {table.summary.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              <td className="mono">{s.a}</td>
              <td className="mono">{s.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="lab-table" aria-label="Probes by window, A versus B">
        <thead>
          <tr>
            <th scope="col">Probe</th>
            {table.windows.map((w) => (
              <th key={w} scope="col">{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.probe}>
              <th scope="row" className="mono">{row.probe}</th>
              {table.windows.map((w) => {
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
    </section>
  );
}
