/**
 * An agent's restart type, redelivery, supervision group, isolation and limits, changed in
 * place with `agent.configure`: the agent keeps its key-value state, mailbox, links and
 * selection. The form starts from the kernel's snapshot. Memory, deadline and isolation are
 * enforced by the host when an instance starts, so changing them restarts the agent (what
 * it was handling is handled again); the rest applies at once.
 */
import { useEffect, useState } from 'react';
import type { OverflowPolicy } from '../../../kernel/resilienceTypes';
import type { AgentLimits, AgentView } from '../../../kernel/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { CheckField, NumberField, SelectField } from '../../ui/fields';
import { configureCommand, restartsFor, settingsOf, type AgentSettings } from './configureCommand';
import { useCommands } from './useCommands';

export function AgentResilience({ name }: { name: string }) {
  const { agent, s, setS, status, busy, apply } = useAgentSettings(name);
  if (!s || !agent) return null;
  const restarts = restartsFor(agent, s);
  const submit = () => {
    const command = configureCommand(agent, s);
    void apply(
      [command],
      restarts ? `${name} reconfigured and restarted (memory, deadline and isolation apply to a new instance).` : `${name} reconfigured.`,
    );
  };
  return (
    <form className="lab-form res-form" aria-label="Agent resilience" onSubmit={(e) => (e.preventDefault(), submit())}>
      <SupervisionFields s={s} setS={setS} />
      <LimitFields s={s} setS={setS} />
      <CheckField label="Own worker (isolated)" checked={s.isolated} onChange={(isolated) => setS({ ...s, isolated })} />
      <p className="small muted">
        0 = the default. {name} keeps its state, mailbox and links.
        {restarts && ' Memory, deadline and isolation take a new instance: a live agent restarts (what it was handling is handled again).'}
      </p>
      <div className="button-row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Apply settings
        </button>
        {status && (
          <span className="small muted" role="status">
            {status}
          </span>
        )}
      </div>
    </form>
  );
}

/** The agent's view and editable settings, loaded from the kernel's snapshot and again after every apply. */
function useAgentSettings(name: string) {
  const store = useWorkbenchStore();
  const [agent, setAgent] = useState<AgentView | null>(null);
  const [s, setS] = useState<AgentSettings | null>(null);
  const { status, busy, applied, apply } = useCommands();
  useEffect(() => {
    let live = true;
    void store.api.snapshot().then((snap) => {
      const view = snap.agents.find((a) => a.name === name);
      if (!live || !view) return;
      setAgent(view);
      setS(settingsOf(view)); // the real values, again after every apply
    });
    return () => {
      live = false;
    };
  }, [store, name, applied]);
  return { agent, s, setS, status, busy, apply };
}

interface FieldsProps {
  s: AgentSettings;
  setS(settings: AgentSettings): void;
}

/** Restart type, redelivery and supervision group. */
function SupervisionFields({ s, setS }: FieldsProps) {
  const groups = useWorkbench((w) => w.groups);
  return (
    <div className="lab-row">
      <SelectField
        label="Restart"
        value={s.restart}
        options={['permanent', 'transient', 'temporary'] as const}
        onChange={(restart) => setS({ ...s, restart })}
      />
      <SelectField
        label="Redelivery"
        value={s.redelivery}
        options={
          [
            { value: 'once', label: 'redeliver once' },
            { value: 'never', label: 'never (dead-letter)' },
          ] as const
        }
        onChange={(redelivery) => setS({ ...s, redelivery })}
      />
      <SelectField
        label="Supervision group"
        value={s.group}
        options={[
          { value: '', label: 'none (top level)' },
          ...[...new Set([...Object.keys(groups), ...(s.group ? [s.group] : [])])].map((g) => ({ value: g, label: g })),
        ]}
        onChange={(group) => setS({ ...s, group })}
      />
    </div>
  );
}

/** Memory, deadline, mailbox and concurrency limits (0 = the default). */
function LimitFields({ s, setS }: FieldsProps) {
  const lim = (patch: Partial<AgentLimits>) => setS({ ...s, limits: { ...s.limits, ...patch } });
  return (
    <div className="lab-row">
      <NumberField
        label="Memory pages"
        unit="× 64 KiB"
        value={s.limits.memoryPages ?? 0}
        onChange={(v) => lim({ memoryPages: v > 0 ? v : undefined })}
      />
      <NumberField label="Deadline" unit="ms" min={1} value={s.limits.deadlineMs} onChange={(deadlineMs) => lim({ deadlineMs })} />
      <NumberField
        label="Mailbox capacity"
        min={1}
        value={s.limits.mailboxCapacity}
        onChange={(mailboxCapacity) => lim({ mailboxCapacity })}
      />
      <SelectField<OverflowPolicy>
        label="When full"
        value={s.limits.overflow ?? 'reject'}
        options={['reject', 'drop-oldest']}
        onChange={(overflow) => lim({ overflow })}
      />
      <NumberField
        label="Max concurrent"
        value={s.limits.maxConcurrent ?? 0}
        onChange={(v) => lim({ maxConcurrent: v > 0 ? v : undefined })}
      />
    </div>
  );
}
