/**
 * The Chaos tab: build an experiment (form or JSON) over the live workspace, save it by
 * name, run it (simulation or live), stop it, re-run a seed, swarm over seeds, compare runs.
 */
import { useEffect, useState } from 'react';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentJson } from './ExperimentJson';
import { blankExperiment, experimentToForm, formToExperiment, type ChaosForm } from './experimentForm';
import { ChaosResults } from './ChaosResults';
import { useChaosLab } from './useChaosLab';
import { workspaceTopology } from './workspaceTopology';
import { SavedExperiments } from './SavedExperiments';
import './chaos.css';
import { EditorViewToggle } from '../../ui/EditorViewToggle';

export default function ChaosPanel() {
  const store = useWorkbenchStore();
  const lab = useChaosLab();
  const [form, setForm] = useState<ChaosForm | null>(null);
  const [editor, setEditor] = useState<'form' | 'json'>('form');

  /** The live workspace as the experiment's topology; a form being edited keeps its workload where it can. */
  const capture = async (keep: ChaosForm | null) => {
    const topology = workspaceTopology(await store.api.snapshot(), store.getState().groups);
    if (!keep) return setForm(experimentToForm(blankExperiment(topology)));
    const names = topology.agents.map((a) => a.name);
    const targets = keep.workload.targets.filter((t) => names.includes(t));
    setForm({ ...keep, base: { ...keep.base, topology }, workload: { ...keep.workload, targets: targets.length > 0 ? targets : names } });
  };
  useEffect(() => {
    let live = true;
    void store.api.snapshot().then((snapshot) => {
      if (live) setForm((f) => f ?? experimentToForm(blankExperiment(workspaceTopology(snapshot, store.getState().groups))));
    });
    return () => {
      live = false;
    };
  }, [store]);

  if (!form) return <p className="muted pad">Reading the workspace…</p>;
  const experiment = formToExperiment(form);

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
          <EditorViewToggle view={editor} onChange={setEditor} />
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

      <ChaosResults lab={lab} experiment={experiment} seed={form.seed} />
    </div>
  );
}
