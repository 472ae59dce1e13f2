/**
 * Supervision groups: a selected group's settings, edited in place (`group.configure`),
 * and a form to create one (`group.create`).
 */
import { useEffect, useState } from 'react';
import { DEFAULT_SUPERVISOR, type RestartStrategy, type SupervisorSpec } from '../../../kernel/resilienceTypes';
import type { GroupState } from '../canvas/canvasSlice';
import type { GroupView } from '../../../kernel/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { NumberField, SelectField, TextField } from '../../ui/fields';
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
        <NumberField
          label="Random factor"
          min={0}
          max={1}
          step={0.05}
          value={spec.backoff.randomFactor}
          onChange={(randomFactor) => backoff({ randomFactor })}
        />
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
  const submit = () =>
    void apply(
      [{ type: 'group.create', spec: { ...spec, name, ...(parent ? { parent } : {}) } }],
      `Group ${name} created: pick it as an agent's supervision group.`,
    ).then((ok) => ok && setSpec({ ...spec, name: '' }));
  return (
    <form
      className="lab-form res-form"
      aria-label={parent ? `New group inside ${parent}` : 'New supervision group'}
      onSubmit={(e) => (e.preventDefault(), submit())}
    >
      <TextField label="Group name" value={spec.name} onChange={(n) => setSpec({ ...spec, name: n })} />
      <SupervisorFields spec={spec} onChange={setSpec} />
      <div className="button-row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy || !name || taken}>
          Create group
        </button>
        {taken && <span className="small muted">a group named {name} exists</span>}
        {status && (
          <span className="small muted" role="status">
            {status}
          </span>
        )}
      </div>
    </form>
  );
}

/** A group's supervisor settings, edited in place (`group.configure`); starts from the kernel's snapshot. */
export function GroupSettings({ group }: { group: GroupState }) {
  const store = useWorkbenchStore();
  const [spec, setSpec] = useState<SupervisorSpec | null>(null);
  const [view, setView] = useState<GroupView | null>(null);
  const { status, busy, applied, apply } = useCommands();
  useEffect(() => {
    let live = true;
    void store.api.snapshot().then((snap) => {
      const g = snap.groups?.find((x) => x.name === group.name);
      if (!live || !g) return;
      setView(g);
      setSpec({ name: g.name, strategy: g.strategy, intensity: g.intensity, periodMs: g.periodMs, backoff: { ...g.backoff } });
    });
    return () => {
      live = false;
    };
  }, [store, group.name, applied]);
  const submit = () => {
    if (!spec) return;
    const { name, strategy, intensity, periodMs, backoff } = spec;
    void apply(
      [{ type: 'group.configure', name, strategy, intensity, periodMs, backoff }],
      `Group ${name} reconfigured: the next crash in it follows the new settings.`,
    );
  };
  return (
    <div className="res-group">
      {spec && view && (
        <form className="lab-form res-form" aria-label={`Group ${group.name} settings`} onSubmit={(e) => (e.preventDefault(), submit())}>
          <p className="small muted">
            {view.children.length === 0 ? 'No members yet' : `Members, in joining order: ${view.children.join(', ')}`}
            {view.parent ? `; inside ${view.parent}` : ''}. {view.status === 'failed' ? 'It gave up (restart intensity exceeded).' : ''}
          </p>
          <SupervisorFields spec={spec} onChange={setSpec} />
          <div className="button-row">
            <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
              Apply group settings
            </button>
            {status && (
              <span className="small muted" role="status">
                {status}
              </span>
            )}
          </div>
        </form>
      )}
      <details>
        <summary className="small">New group inside {group.name}</summary>
        <NewGroupForm parent={group.name} />
      </details>
    </div>
  );
}
