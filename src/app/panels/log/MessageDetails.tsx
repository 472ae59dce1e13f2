import { useEffect, useRef } from 'react';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { MessageContractSection } from '../contracts/MessageContractSection';
import type { LogRow } from '../../store/types';
import { formatTime } from './LogRowView';
import { findReply, findRequest, findRow } from './findRelated';
import { receiversOf } from './rowModel';

function Party({ role, name }: { role: 'sender' | 'receiver'; name: string }) {
  const store = useWorkbenchStore();
  const onCanvas = useWorkbench((s) => name in s.agents || name in s.plainNodes);
  if (!onCanvas) return <span className="mono">{name}</span>;
  return (
    <button
      type="button"
      className="link-button mono"
      aria-label={`Select ${role} ${name}`}
      title={`Select ${name} on the canvas`}
      onClick={() => {
        const s = store.getState();
        s.selectCanvas([name], null);
        s.setSelected(name);
      }}
    >
      {name}
    </button>
  );
}

function Related({ label, row, onOpen }: { label: string; row: LogRow; onOpen(key: string): void }) {
  return (
    <button type="button" className="link-button" aria-label={label} onClick={() => onOpen(row.key)}>
      <span className="mono">{row.performative}</span> from <span className="mono">{row.sender}</span>{' '}
      <span className="muted mono">({row.key})</span>
    </button>
  );
}

/** "Message details": the full envelope, its parties, its reply or request, its conversation. */
export function MessageDetails() {
  const key = useWorkbench((s) => s.detailKey);
  const rows = useWorkbench((s) => s.rows);
  // The rows change in place: follow their version, but only while a message is open.
  useWorkbench((s) => (s.detailKey ? s.logVersion : -1));
  const dropped = useWorkbench((s) => s.droppedRows);
  const rowById = useWorkbench((s) => s.rowById);
  const show = useWorkbench((s) => s.showMessage);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (key) closeRef.current?.focus({ preventScroll: true });
  }, [key]);

  if (!key) return null;
  const abs = rowById.get(key);
  const row = findRow(rows, key, abs === undefined ? undefined : abs - dropped);
  const close = () => show(null);

  return (
    <section
      className="details"
      role="dialog"
      aria-label="Message details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="details-head">
        <h3 className="details-title">
          Message <span className="mono">{key}</span>
        </h3>
        <button ref={closeRef} type="button" className="btn btn-ghost btn-small" onClick={close} aria-label="Close message details">
          ✕
        </button>
      </header>
      {!row ? (
        <p className="muted pad">This message is no longer in the log (older rows are dropped).</p>
      ) : (
        <DetailsBody row={row} rows={rows} />
      )}
    </section>
  );
}

/** The open message's parties, outcome, time, conversation, reply or request, and envelope. */
function DetailsBody({ row, rows }: { row: LogRow; rows: readonly LogRow[] }) {
  const show = useWorkbench((s) => s.showMessage);
  const m = row.message;
  const reply = findReply(rows, row);
  const request = findRequest(rows, row);
  return (
    <div className="details-body">
      <dl className="props details-props">
        <dt>Performative</dt>
        <dd>
          <span className={`perf perf-${row.performative}`}>{row.performative}</span>
        </dd>
        <dt>Sender</dt>
        <dd>
          <Party role="sender" name={row.sender} />
        </dd>
        <dt>Receiver</dt>
        <dd className="details-receivers">
          {receiversOf(row).map((r) => (
            <Party key={r} role="receiver" name={r} />
          ))}
        </dd>
        <dt>Outcome</dt>
        <dd className={`outcome outcome-${row.outcome}`}>
          {row.outcome}
          {row.reason ? `: ${row.reason}` : ''}
        </dd>
        <dt>Time</dt>
        <dd className="mono">{formatTime(row.t)}</dd>
        {m?.conversation_id && (
          <>
            <dt>Conversation</dt>
            <dd>
              <ConversationLink id={m.conversation_id} />
            </dd>
          </>
        )}
        {m?.reply_with && (
          <>
            <dt>Reply</dt>
            <dd>{reply ? <Related label="Open reply" row={reply} onOpen={show} /> : <span className="muted">none yet</span>}</dd>
          </>
        )}
        {m?.in_reply_to && (
          <>
            <dt>In reply to</dt>
            <dd>
              {request ? <Related label="Open request" row={request} onOpen={show} /> : <span className="mono muted">{m.in_reply_to}</span>}
            </dd>
          </>
        )}
      </dl>
      <MessageContractSection messageId={row.key} idPrefix="details" level={4} />
      <h4 className="sub-heading">Envelope</h4>
      <pre className="config mono details-envelope" aria-label="Envelope">
        {m ? JSON.stringify(m, null, 2) : row.reason}
      </pre>
    </div>
  );
}

function ConversationLink({ id }: { id: string }) {
  const setFilter = useWorkbench((s) => s.setLogFilter);
  const setTab = useWorkbench((s) => s.setDockTab);
  return (
    <button
      type="button"
      className="link-button mono"
      aria-label={`Show conversation ${id}`}
      title="Filter the log to this conversation"
      onClick={() => {
        setFilter({ conversation: id });
        setTab('log');
      }}
    >
      {id}
    </button>
  );
}
