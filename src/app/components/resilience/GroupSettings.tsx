/** Supervision groups: a selected group's settings, and a form to create one (`group.create`). */
import { useState } from 'react';
import { DEFAULT_SUPERVISOR, type RestartStrategy, type SupervisorSpec } from '../../../kernel/resilienceTypes';
import type { GroupState } from '../../store/canvasSlice';
import { useWorkbench } from '../../store/WorkbenchContext';
import { NumberField, SelectField, TextField } from '../chaos/fields';
import { useCommands } from './useCommands';

const STRATEGIES: readonly RestartStrategy[] = ['one_for_one', 'one_for_all', 'rest_for_one'];

export function SupervisorFields({ spec, onChange }: { spec: SupervisorSpec; onChange(s: SupervisorSpec): void }) {
  const backoff = (patch: Partial<SupervisorSpec['backoff']>) => onChange({ ...spec, backoff: { ...spec.backoff, ...patch } });
  return (
    <>
      <div className="lab-row">
        <SelectField label="Strategy" value={spec.strategy} options={STRATEGIES} onChange={(strategy) => onChange({ ...spec, strategy })} />
        <NumberField label="Intensity" unit="restarts" value={spec.intensity} onChange={(intensity) => onChange({ ...spec, intensity })} />
        <NumberField label="Period" unit="ms" min={1} value={spec.periodMs} onChange={(periodMs) => onChange({ ...spec, periodMs })} />
      </div>
      <div className="lab-row">
        <NumberField label="Backoff min" unit="ms" value={spec.backoff.minMs} onChange={(minMs) => backoff({ minMs })} />
        <NumberField label="Backoff max" unit="ms" value={spec.backoff.maxMs} onChange={(maxMs) => backoff({ maxMs })} />
        <NumberField label="Random factor" min={0} max={1} step={0.05} value={spec.backoff.randomFactor} onChange={(randomFactor) => backoff({ randomFactor })} />
      </div>
    </>
  );
}

/** A new group; with `parent`, nested under it. */
export function NewGroupForm({ parent }: { parent?: string }) {
  const groups = useWorkbench((s) => s.groups);
  const [spec, setSpec] = useState<SupervisorSpec>({ ...DEFAULT_SUPERVISOR, name: '' });
  const { status, busy, apply } = useCommands();
  const name = spec.name.trim();
  const taken = name in groups;
  const submit = () => void apply([{ type: 'group.create', spec: { ...spec, name, ...(parent ? { parent } : {}) } }], `Group ${name} created: pick it as an agent's supervision group.`).then((ok) => ok && setSpec({ ...spec, name: '' }));
  return (
    <form className="lab-form res-form" aria-label={parent ? `New group inside ${parent}` : 'New supervision group'} onSubmit={(e) => (e.preventDefault(), submit())}>
      <TextField label="Group name" value={spec.name} onChange={(n) => setSpec({ ...spec, name: n })} />
      <SupervisorFields spec={spec} onChange={setSpec} />
      <div className="button-row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy || !name || taken}>
          Create group
        </button>
        {taken && <span className="small muted">a group named {name} exists</span>}
        {status && <span className="small muted" role="status">{status}</span>}
      </div>
    </form>
  );
}

export function GroupSettings({ group }: { group: GroupState }) {
  return (
    <div className="res-group">
      <p className="small muted">
        {group.strategy}, at most {group.intensity} restarts in {group.periodMs} ms. The kernel fixes a group's settings when it is created
        (there is no group.configure yet): create a nested group below to supervise some members differently.
      </p>
      <details>
        <summary className="small">New group inside {group.name}</summary>
        <NewGroupForm parent={group.name} />
      </details>
    </div>
  );
}
