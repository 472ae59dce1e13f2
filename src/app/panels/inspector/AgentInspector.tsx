import type { ReactNode } from 'react';
import { compactJson } from '../../store/reduceEvents';
import { formatRate } from '../../store/rates';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import type { AgentState } from '../../store/types';
import { useWorkbench } from '../../store/WorkbenchContext';
import { StatusBadge } from '../canvas/StatusBadge';
import { ActionButton } from '../../ui/ActionButton';
import { formatTime } from '../../ui/format';
import { useInspection } from './useInspection';

const EMPTY_INSIGHT = { statuses: [], restarts: [], logs: [] };

export function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = `insp-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="insp-section" aria-labelledby={id}>
      <h3 id={id} className="sub-heading">
        {title}
        {count !== undefined && <span className="insp-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

export function AgentInspector({ agent }: { agent: AgentState }) {
  const name = agent.name;
  const kind = useWorkbench((s: WorkbenchState) => s.kinds.find((k) => k.kind === agent.kind));
  const insight = useWorkbench((s) => s.insight[name]) ?? EMPTY_INSIGHT;
  const group = useWorkbench((s) => s.membership[name]);
  const rate = useWorkbench((s) => s.rates.nodes[name] ?? 0);
  const { kv, mailbox, limits, error } = useInspection(name);
  const kvEntries = Object.entries(kv).sort(([a], [b]) => a.localeCompare(b));

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

      <Section title="Limits">
        {limits ? (
          <dl className="props props-compact">
            <dt>Deadline</dt>
            <dd className="mono">{limits.deadlineMs} ms</dd>
            <dt>Memory</dt>
            <dd className="mono">{limits.memoryPages !== undefined ? `${limits.memoryPages} pages (${limits.memoryPages * 64} KiB)` : "module's own"}</dd>
            <dt>Mailbox cap</dt>
            <dd className="mono">{limits.mailboxCapacity}</dd>
            <dt>Max message</dt>
            <dd className="mono">{limits.maxMessageBytes} B</dd>
            {limits.overflow && (
              <>
                <dt>Overflow</dt>
                <dd className="mono">{limits.overflow}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted small">Loading…</p>
        )}
      </Section>

      <Section title="Key-value state" count={kvEntries.length}>
        {kvEntries.length === 0 ? (
          <p className="muted small">No keys.</p>
        ) : (
          <table className="insp-table" aria-label="Key-value state">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {kvEntries.map(([key, value]) => (
                <tr key={key}>
                  <td className="mono">{key}</td>
                  <td className="mono" title={value}>
                    {value.length > 200 ? `${value.slice(0, 199)}…` : value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Mailbox" count={mailbox.length}>
        {mailbox.length === 0 ? (
          <p className="muted small">Empty.</p>
        ) : (
          <ol className="insp-list" aria-label="Queued messages">
            {mailbox.slice(0, 50).map((m) => (
              <li key={m.id}>
                <span className="perf">{m.performative}</span> <span className="muted">from</span> {m.sender}{' '}
                <span className="muted mono">{compactJson(m.content, 60)}</span>
              </li>
            ))}
            {mailbox.length > 50 && <li className="muted">…and {mailbox.length - 50} more</li>}
          </ol>
        )}
      </Section>

      <Section title="Restart history" count={insight.restarts.length}>
        {insight.restarts.length === 0 ? (
          <p className="muted small">No crashes or restarts.</p>
        ) : (
          <ol className="insp-list" aria-label="Restart history">
            {[...insight.restarts].reverse().map((r, i) => (
              <li key={i} className={`insp-restart insp-${r.what}`}>
                <span className="mono muted">{formatTime(r.t)}</span> <strong>{r.what}</strong> <span>{r.text}</span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Status history" count={insight.statuses.length}>
        <ol className="insp-list" aria-label="Status history">
          {[...insight.statuses].reverse().map((s, i) => (
            <li key={i}>
              <span className="mono muted">{formatTime(s.t)}</span> <StatusBadge status={s.status} />
              {s.reason && <span className="muted"> — {s.reason}</span>}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Logs" count={insight.logs.length}>
        {insight.logs.length === 0 ? (
          <p className="muted small">Nothing logged.</p>
        ) : (
          <ol className="insp-list insp-logs" aria-label="Agent logs">
            {[...insight.logs].reverse().slice(0, 100).map((l) => (
              <li key={l.seq} className={`log-${l.level}`}>
                <span className="mono muted">{formatTime(l.t)}</span> <span className="insp-level">{l.level}</span> {l.text}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
