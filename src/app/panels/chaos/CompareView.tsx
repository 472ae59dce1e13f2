/** Compare: two runs (hash, headline numbers, checks that moved, probes × windows) or two swarms (seed by seed). */
import { useState } from 'react';
import type { ChaosRun } from './resilienceSlice';
import { CompareRuns } from './CompareRuns';
import { CompareSwarms } from './CompareSwarms';
import type { SwarmState } from './useChaosLab';

export function CompareView({ runs, swarms }: { runs: readonly ChaosRun[]; swarms: readonly SwarmState[] }) {
  const [what, setWhat] = useState<'runs' | 'swarms'>('runs');
  return (
    <section className="lab-compare" aria-label="Compare">
      <div className="lab-toggle" role="group" aria-label="Compare what">
        <button type="button" className="btn btn-small btn-ghost" aria-pressed={what === 'runs'} onClick={() => setWhat('runs')}>
          Runs
        </button>
        <button type="button" className="btn btn-small btn-ghost" aria-pressed={what === 'swarms'} onClick={() => setWhat('swarms')}>
          Swarms
        </button>
      </div>
      {what === 'runs' ? <CompareRuns runs={runs} /> : <CompareSwarms swarms={swarms} />}
    </section>
  );
}
