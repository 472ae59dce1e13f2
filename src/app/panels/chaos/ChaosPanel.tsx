/**
 * The Chaos tab: build an experiment (form or JSON) over the live workspace, save it by
 * name, run it (simulation or live), stop it, re-run a seed, swarm over seeds, compare runs.
 */
import { useEffect, useState } from 'react';
import type { RunMode } from '../../../browser/experiments/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { CompareView } from './CompareView';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentJson } from './ExperimentJson';
import { blankExperiment, experimentToForm, formToExperiment, type ChaosForm } from './experimentForm';
import { NumberField, SelectField } from '../../ui/fields';
import { ResultView } from './ResultView';
import { SwarmView } from './SwarmView';
import { useChaosLab } from './useChaosLab';
import { workspaceTopology } from './workspaceTopology';
import { SavedExperiments } from './SavedExperiments';
import './chaos.css';

type View = 'result' | 'compare' | 'swarm';

export default function ChaosPanel() {
  const store = useWorkbenchStore();
  const runs = useWorkbench((s) => s.chaosRuns);
  const lab = useChaosLab();
  const [form, setForm] = useState<ChaosForm | null>(null);
  const [editor, setEditor] = useState<'form' | 'json'>('form');
  const [mode, setMode] = useState<RunMode>('simulation');
  const [seeds, setSeeds] = useState(5);
  const [view, setView] = useState<View>('result');
  const [shown, setShown] = useState<number | null>(null);

  const capture = async (keep: ChaosForm | null) => {
    const topology = workspaceTopology(await store.api.snapshot(), store.getState().groups);
    if (!keep) return setForm(experimentToForm(blankExperiment(topology)));
    const names = topology.agents.map((a) => a.name);
    const targets = keep.workload.targets.filter((t) => names.includes(t));
    setForm({ ...keep, base: { ...keep.base, topology }, workload: { ...keep.workload, targets: targets.length > 0 ? targets : names } });
  };
  useEffect(() => {
    void capture(null);
  }, []);

  if (!form) return <p className="muted pad">Reading the workspace…</p>;
  const experiment = formToExperiment(form);
  const current = runs.find((r) => r.id === shown) ?? runs[runs.length - 1];
  const busy = lab.busy !== null;
  const runNow = async (seed?: number, rerunOf?: (typeof runs)[number]) => {
    const added = await lab.run(rerunOf?.experiment ?? experiment, rerunOf ? 'simulation' : mode, seed, rerunOf);
    if (added) {
      setShown(added.id);
      setView('result');
    }
  };

  return (
    <div className="lab">
      <section className="lab-editor" aria-label="Experiment editor">
        <div className="lab-toolbar">
          <SavedExperiments current={experiment} onLoad={(e) => setForm(experimentToForm(e))} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void capture(form)}
            title="Take agents, links and groups from the canvas"
          >
            Use current workspace
          </button>
          <div className="lab-toggle" role="group" aria-label="Editor view">
            <button type="button" className="btn btn-small" aria-pressed={editor === 'form'} onClick={() => setEditor('form')}>
              Form
            </button>
            <button type="button" className="btn btn-small" aria-pressed={editor === 'json'} onClick={() => setEditor('json')}>
              JSON
            </button>
          </div>
        </div>
        <p className="small muted lab-topology">
          Topology: {form.base.topology.agents.length} agents, {(form.base.topology.links ?? []).length} links,{' '}
          {(form.base.topology.groups ?? []).length} groups
        </p>
        {editor === 'form' ? (
          <ExperimentForm form={form} onChange={setForm} />
        ) : (
          <ExperimentJson experiment={experiment} onApply={(e) => setForm(experimentToForm(e))} />
        )}
      </section>

      <section className="lab-results" aria-label="Experiment results">
        <div className="lab-toolbar">
          <SelectField<RunMode>
            label="Mode"
            value={mode}
            options={
              [
                { value: 'simulation', label: 'Simulation (deterministic)' },
                { value: 'live', label: 'Live workbench' },
              ] as const
            }
            onChange={setMode}
          />
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy || !lab.available}
            onClick={() => void runNow(form.seed)}
          >
            Run
          </button>
          <button type="button" className="btn btn-small btn-danger" disabled={!busy} onClick={lab.stop}>
            Stop
          </button>
          <NumberField label="Seeds" min={1} max={500} value={seeds} onChange={(n) => setSeeds(Math.max(1, Math.floor(n)))} />
          <button
            type="button"
            className="btn btn-small"
            disabled={busy || !lab.available}
            onClick={() => {
              setView('swarm');
              void lab.runSwarm(
                experiment,
                Array.from({ length: seeds }, (_, i) => (form.seed + i) >>> 0),
              );
            }}
          >
            Run swarm
          </button>
        </div>
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
          <SwarmView
            swarm={lab.swarm}
            busy={busy}
            onRerun={(seed) =>
              void lab.run(lab.swarm!.experiment, 'simulation', seed).then((r) => r && (setShown(r.id), setView('result')))
            }
          />
        )}
      </section>
    </div>
  );
}
