/** Two swarms seed by seed: each seed's hash in A and B, newly failing or passing seeds, the checks that moved. */
import { useState } from 'react';
import { compareSwarms } from '../../../experiments/chaos/compare';
import { HashVerdict, SidePicker } from './compareParts';
import type { SwarmState } from './useChaosLab';

const label = (s: SwarmState) => `#${s.id} ${s.experiment.name} · ${s.runs.length} seeds · ${s.runs.filter((r) => !r.pass).length} failed`;
const side = (r: { pass: boolean; hash: string } | undefined) => (r ? `${r.pass ? 'pass' : 'FAIL'} ${r.hash.slice(0, 12)}…` : '—');

export function CompareSwarms({ swarms }: { swarms: readonly SwarmState[] }) {
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (swarms.length < 2) return <p className="muted pad">Run two swarms (e.g. before and after a change) to compare them seed by seed.</p>;
  const sa = swarms.find((s) => s.id === a) ?? swarms[swarms.length - 2]!;
  const sb = swarms.find((s) => s.id === b) ?? swarms[swarms.length - 1]!;
  const c = compareSwarms(sa, sb);
  const headline = c.identical
    ? 'Identical swarms: same seeds, same log hashes'
    : `Seeds in both: ${c.sameHashes} with the same hash, ${c.differentHashes} different`;
  return (
    <>
      <div className="lab-row">
        <SidePicker name="Swarm A" items={swarms} value={sa.id} label={label} onChange={setA} />
        <SidePicker name="Swarm B" items={swarms} value={sb.id} label={label} onChange={setB} />
      </div>
      <HashVerdict same={c.identical} text={headline} />
      <p className="small">
        Newly failing seeds: <span className="mono">{c.newlyFailing.join(', ') || 'none'}</span> · newly passing:{' '}
        <span className="mono">{c.newlyPassing.join(', ') || 'none'}</span>
        {(c.onlyA.length > 0 || c.onlyB.length > 0) &&
          ` · only in A: ${c.onlyA.join(', ') || 'none'} · only in B: ${c.onlyB.join(', ') || 'none'}`}
      </p>
      <table className="lab-table" aria-label="Seeds, A versus B">
        <thead>
          <tr>
            <th scope="col">Seed</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Hash</th>
            <th scope="col">Checks that moved</th>
          </tr>
        </thead>
        <tbody>
          {c.seeds.map((s) => (
            <tr key={s.seed} className={s.sameHash ? undefined : 'lab-changed'}>
              <th scope="row" className="mono">
                {s.seed}
              </th>
              <td className="mono">{side(s.a)}</td>
              <td className="mono">{side(s.b)}</td>
              <td>{s.sameHash ? 'same' : 'different'}</td>
              <td className="small">
                {[...s.nowFailing.map((m) => `now fails ${m}`), ...s.nowPassing.map((m) => `now passes ${m}`)].join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
