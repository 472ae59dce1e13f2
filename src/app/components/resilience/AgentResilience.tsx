/**
 * An agent's restart type, redelivery, supervision group and limits. The kernel takes
 * these at deploy time only, so applying re-deploys the agent under the same name (its
 * key-value state is lost) and re-adds its links with their ids and policies.
 */
import { useEffect, useState } from 'react';
import type { OverflowPolicy, RedeliveryPolicy, RestartType } from '../../../kernel/resilienceTypes';
import type { AgentLimits, AgentView, Command, LinkView } from '../../../kernel/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { NumberField, SelectField } from '../chaos/fields';
import { useCommands } from './useCommands';

interface Settings {
  restart: RestartType;
  redelivery: RedeliveryPolicy;
  group: string;
  limits: AgentLimits;
}

export function redeployCommands(agent: AgentView, links: readonly LinkView[], s: Settings): Command[] {
  const limits: Partial<AgentLimits> = { ...s.limits };
  const mine = links.filter((l) => l.a === agent.name || l.b === agent.name);
  return [
    { type: 'node.remove', name: agent.name },
    {
      type: 'agent.deploy',
      spec: { name: agent.name, kind: agent.kind, config: agent.config, limits, restart: s.restart, redelivery: s.redelivery, ...(s.group ? { group: s.group } : {}) },
    },
    ...mine.flatMap((l): Command[] => [{ type: 'link.add', a: l.a, b: l.b, id: l.id }, ...(l.policy ? [{ type: 'link.configure' as const, id: l.id, policy: l.policy }] : [])]),
  ];
}

export function AgentResilience({ name }: { name: string }) {
  const store = useWorkbenchStore();
  const groups = useWorkbench((s) => s.groups);
  const [view, setView] = useState<{ agent: AgentView; links: LinkView[] } | null>(null);
  const [s, setS] = useState<Settings | null>(null);
  const { status, busy, apply } = useCommands();
  useEffect(() => {
    let live = true;
    void store.api.snapshot().then((snap) => {
      const agent = snap.agents.find((a) => a.name === name);
      if (!live || !agent) return;
      setView({ agent, links: snap.links });
      setS((old) => old ?? { restart: 'permanent', redelivery: 'once', group: agent.group ?? '', limits: { ...agent.limits } });
    });
    return () => {
      live = false;
    };
  }, [store, name, status]);
  if (!s || !view) return null;
  const lim = (patch: Partial<AgentLimits>) => setS({ ...s, limits: { ...s.limits, ...patch } });
  const optional = (v: number) => (v > 0 ? v : undefined);
  const submit = () => {
    const limits = { ...s.limits };
    if (!limits.memoryPages) delete limits.memoryPages;
    if (!limits.maxConcurrent) delete limits.maxConcurrent;
    void apply(redeployCommands(view.agent, view.links, { ...s, limits }), `${name} re-deployed with the new settings.`);
  };
  return (
    <form className="lab-form res-form" aria-label="Agent resilience" onSubmit={(e) => (e.preventDefault(), submit())}>
      <div className="lab-row">
        <SelectField label="Restart" value={s.restart} options={['permanent', 'transient', 'temporary'] as const} onChange={(restart) => setS({ ...s, restart })} />
        <SelectField label="Redelivery" value={s.redelivery} options={[{ value: 'once', label: 'redeliver once' }, { value: 'never', label: 'never (dead-letter)' }] as const} onChange={(redelivery) => setS({ ...s, redelivery })} />
        <SelectField label="Supervision group" value={s.group} options={[{ value: '', label: 'none (top level)' }, ...Object.keys(groups).map((g) => ({ value: g, label: g }))]} onChange={(group) => setS({ ...s, group })} />
      </div>
      <div className="lab-row">
        <NumberField label="Memory pages" unit="× 64 KiB" value={s.limits.memoryPages ?? 0} onChange={(v) => lim({ memoryPages: optional(v) as number })} />
        <NumberField label="Deadline" unit="ms" min={1} value={s.limits.deadlineMs} onChange={(deadlineMs) => lim({ deadlineMs })} />
        <NumberField label="Mailbox capacity" min={1} value={s.limits.mailboxCapacity} onChange={(mailboxCapacity) => lim({ mailboxCapacity })} />
        <SelectField<OverflowPolicy> label="When full" value={s.limits.overflow ?? 'reject'} options={['reject', 'drop-oldest']} onChange={(overflow) => lim({ overflow })} />
        <NumberField label="Max concurrent" value={s.limits.maxConcurrent ?? 0} onChange={(v) => lim({ maxConcurrent: optional(v) as number })} />
      </div>
      <p className="small muted">0 = the default. Applying re-deploys {name}: its key-value state starts empty; links are re-added.</p>
      <div className="button-row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Apply and re-deploy
        </button>
        {status && <span className="small muted" role="status">{status}</span>}
      </div>
    </form>
  );
}
