/** The Chaos tab's results side: run, stop and swarm controls, the status, and the Result, Compare and Swarm views. */
import { useState } from 'react';
import type { RunMode } from '../../../browser/experiments/types';
import type { Experiment } from '../../../experiments/chaos/types';
import { useWorkbench } from '../../store/WorkbenchContext';
import { NumberField, SelectField } from '../../ui/fields';
import { CompareView } from './CompareView';
import type { ChaosRun } from './resilienceSlice';
import { ResultView } from './ResultView';
import { SwarmView } from './SwarmView';
import type { ChaosLab } from './useChaosLab';

type View = 'result' | 'compare' | 'swarm';
const MODES = [
  { value: 'simulation', label: 'Simulation (deterministic)' },
  { value: 'live', label: 'Live workbench' },
] as const;

interface Controls {
  lab: ChaosLab;
  mode: RunMode;
  onMode(mode: RunMode): void;
  onRun(): void;
  onSwarm(seeds: number): void;
}

function RunControls({ lab, mode, onMode, onRun, onSwarm }: Controls) {
  const [seeds, setSeeds] = useState(5);
  const busy = lab.busy !== null;
  return (
    <div className="lab-toolbar">
      <SelectField<RunMode> label="Mode" value={mode} options={MODES} onChange={onMode} />
      <button type="button" className="btn btn-primary btn-small" disabled={busy || !lab.available} onClick={onRun}>
        Run
      </button>
      <button type="button" className="btn btn-small btn-danger" disabled={!busy} onClick={lab.stop}>
        Stop
      </button>
      <NumberField label="Seeds" min={1} max={500} value={seeds} onChange={(n) => setSeeds(Math.max(1, Math.floor(n)))} />
      <button type="button" className="btn btn-small" disabled={busy || !lab.available} onClick={() => onSwarm(seeds)}>
        Run swarm
      </button>
    </div>
  );
}

function Status({ lab, mode }: { lab: ChaosLab; mode: RunMode }) {
  return (
    <>
      <p className="small lab-status" role="status" aria-label="Experiment status">
        {!lab.available
          ? 'Experiments need the kernel worker (not connected).'
          : lab.status || 'Ready. Build a hypothesis and a fault phase, then run.'}
        {lab.busy === 'run' && mode === 'live' && lab.progress > 0 && ` ${lab.progress} timeline entries so far`}
      </p>
      {lab.problems.length > 0 && (
        <ul className="lab-errors" aria-label="Experiment problems">
          {lab.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ChaosResults({ lab, experiment, seed }: { lab: ChaosLab; experiment: Experiment; seed: number }) {
  const runs = useWorkbench((s) => s.chaosRuns);
  const [mode, setMode] = useState<RunMode>('simulation');
  const [view, setView] = useState<View>('result');
  const [shown, setShown] = useState<number | null>(null);
  const current = runs.find((r) => r.id === shown) ?? runs[runs.length - 1];
  const busy = lab.busy !== null;
  const show = (run: ChaosRun | undefined) => {
    if (!run) return;
    setShown(run.id);
    setView('result');
  };
  const runNow = async (runSeed: number, rerunOf?: ChaosRun) =>
    show(await lab.run(rerunOf?.experiment ?? experiment, rerunOf ? 'simulation' : mode, runSeed, rerunOf));
  const swarm = (seeds: number) => {
    setView('swarm');
    void lab.runSwarm(
      experiment,
      Array.from({ length: seeds }, (_, i) => (seed + i) >>> 0),
    );
  };

  return (
    <section className="lab-results" aria-label="Experiment results">
      <RunControls lab={lab} mode={mode} onMode={setMode} onRun={() => void runNow(seed)} onSwarm={swarm} />
      <Status lab={lab} mode={mode} />
      <div className="lab-toggle" role="group" aria-label="Results view">
        {(['result', 'compare', 'swarm'] as const).map((v) => (
          <button key={v} type="button" className="btn btn-small btn-ghost" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'result' ? `Result${runs.length ? ` (${runs.length} runs)` : ''}` : v === 'compare' ? 'Compare' : 'Swarm'}
          </button>
        ))}
      </div>
      {view === 'result' &&
        (current ? (
          <ResultView run={current} busy={busy} onRerun={() => void runNow(current.result.seed, current)} />
        ) : (
          <p className="muted pad">No runs yet.</p>
        ))}
      {view === 'compare' && <CompareView runs={runs} swarms={lab.swarms} />}
      {view === 'swarm' && (
        <SwarmView swarm={lab.swarm} busy={busy} onRerun={(s) => void lab.run(lab.swarm!.experiment, 'simulation', s).then(show)} />
      )}
    </section>
  );
}
