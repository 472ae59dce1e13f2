import { formatRate } from '../../store/rates';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import type { AgentState } from '../../store/types';
import { useWorkbench } from '../../store/WorkbenchContext';
import { StatusBadge } from '../canvas/StatusBadge';
import { ActionButton } from '../../ui/ActionButton';
import { AgentHistory, KeyValueSection, LimitsSection, MailboxSection } from './AgentSections';
import { Section } from './Section';
import { useInspection } from './useInspection';

export function AgentInspector({ agent }: { agent: AgentState }) {
  const name = agent.name;
  const kind = useWorkbench((s: WorkbenchState) => s.kinds.find((k) => k.kind === agent.kind));
  const group = useWorkbench((s) => s.membership[name]);
  const rate = useWorkbench((s) => s.rates.nodes[name] ?? 0);
  const { kv, mailbox, limits, error } = useInspection(name);

  return (
    <div className="inspector-body" aria-label={`Inspector for ${name}`} role="region">
      <div className="inspector-title">
        <span className="inspector-name">{name}</span>
        <StatusBadge status={agent.status} />
      </div>
      {agent.reason && agent.status !== 'running' && <p className="inspector-reason">{agent.reason}</p>}
      <div className="button-row insp-controls" role="group" aria-label="Agent controls">
        <ActionButton id="agent.stop" args={{ name }} watch={name} />
        <ActionButton id="agent.start" args={{ name }} watch={name} />
        <ActionButton id="agent.restart" args={{ name }} watch={name} />
        <ActionButton id="agent.suspend" args={{ name }} watch={name} />
        <ActionButton id="agent.resume" args={{ name }} watch={name} />
        <ActionButton id="agent.clone" args={{ name }} watch={name} />
        <ActionButton id="agent.remove" args={{ name }} watch={name} danger />
      </div>
      <dl className="props">
        <dt>Kind</dt>
        <dd>
          {kind?.label ?? agent.kind} <span className="muted mono">({agent.kind.startsWith('custom:') ? 'custom' : agent.kind})</span>
        </dd>
        <dt>Status</dt>
        <dd>{agent.status}</dd>
        <dt>Instance</dt>
        <dd className="mono">{agent.instance}</dd>
        <dt>Restarts</dt>
        <dd className="mono">{agent.restarts}</dd>
        <dt>Mailbox</dt>
        <dd className="mono">{agent.mailboxDepth}</dd>
        <dt>Sent</dt>
        <dd className="mono">{agent.counters.sent}</dd>
        <dt>Delivered</dt>
        <dd className="mono">{agent.counters.delivered}</dd>
        <dt>Failed</dt>
        <dd className="mono">{agent.counters.failed}</dd>
        <dt>Rate</dt>
        <dd className="mono">{formatRate(rate)} msg/s</dd>
        <dt>Group</dt>
        <dd className="mono">{group ?? '—'}</dd>
        <dt>Module hash</dt>
        <dd className="mono insp-hash" title={kind?.hash}>
          {kind ? `${kind.hash.slice(0, 16)}…` : 'unknown'}
        </dd>
      </dl>
      {error && (
        <p className="alert alert-error" role="alert">
          Could not read the agent's state: {error}
        </p>
      )}

      <Section title="Config">
        <pre className="config mono">{JSON.stringify(agent.config ?? null, null, 2)}</pre>
      </Section>

      <LimitsSection limits={limits} />
      <KeyValueSection kv={kv} />
      <MailboxSection mailbox={mailbox} />
      <AgentHistory name={name} />
    </div>
  );
}
