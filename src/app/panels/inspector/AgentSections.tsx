/** The inspector's sections about one agent's state and history. */
import type { AgentInspection } from '../../../hosts/types';
import type { AgentLimits } from '../../../kernel/types';
import { compactJson } from '../../store/reduceEvents';
import { useWorkbench } from '../../store/WorkbenchContext';
import { formatTime } from '../../ui/format';
import { StatusBadge } from '../canvas/StatusBadge';
import { Section } from './Section';

const EMPTY_INSIGHT = { statuses: [], restarts: [], logs: [] };

export function LimitsSection({ limits }: { limits: AgentLimits | null }) {
  return (
    <Section title="Limits">
      {limits ? (
        <dl className="props props-compact">
          <dt>Deadline</dt>
          <dd className="mono">{limits.deadlineMs} ms</dd>
          <dt>Memory</dt>
          <dd className="mono">
            {limits.memoryPages !== undefined ? `${limits.memoryPages} pages (${limits.memoryPages * 64} KiB)` : "module's own"}
          </dd>
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
  );
}

export function KeyValueSection({ kv }: { kv: AgentInspection['kv'] }) {
  const kvEntries = Object.entries(kv).sort(([a], [b]) => a.localeCompare(b));
  return (
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
  );
}

export function MailboxSection({ mailbox }: { mailbox: AgentInspection['mailbox'] }) {
  return (
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
  );
}

/** Restarts, status changes and log lines, newest first. */
export function AgentHistory({ name }: { name: string }) {
  const insight = useWorkbench((s) => s.insight[name]) ?? EMPTY_INSIGHT;
  return (
    <>
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
            {[...insight.logs]
              .reverse()
              .slice(0, 100)
              .map((l) => (
                <li key={l.seq} className={`log-${l.level}`}>
                  <span className="mono muted">{formatTime(l.t)}</span> <span className="insp-level">{l.level}</span> {l.text}
                </li>
              ))}
          </ol>
        )}
      </Section>
    </>
  );
}
