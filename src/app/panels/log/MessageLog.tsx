import { memo, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useWorkbench, useWorkbenchStore, useWorkbenchWhile } from '../../store/WorkbenchContext';
import { usePanelActive } from '../../shell/usePanelActive';
import type { LogRow } from '../../store/types';
import { LogToolbar } from './LogToolbar';
import { createRowModel, isFilterEmpty, rowAt } from './rowModel';

const ROW_HEIGHT = 26;
/** Within this many pixels of the bottom, the log follows new rows. */
const FOLLOW_SLACK = 40;

/** Kernel time as wall-clock (epoch ms) or, for a virtual clock, seconds since start. */
export function formatTime(t: number): string {
  if (t > 1e12) {
    const d = new Date(t);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }
  return `${(t / 1000).toFixed(3)} s`;
}

const OUTCOME_GLYPH: Record<LogRow['outcome'], string> = {
  sent: '→',
  delivered: '✓',
  failed: '✕',
  'dead-lettered': '✕',
  invalid: '!',
};

function Outcome({ row }: { row: LogRow }) {
  const text = row.reason ? `${row.outcome}: ${row.reason}` : row.outcome;
  return (
    <span className={`outcome outcome-${row.outcome}`} title={text}>
      <span aria-hidden="true">{OUTCOME_GLYPH[row.outcome]} </span>
      {text}
    </span>
  );
}

/** One row; memoised on the row object, so a batch re-renders only new or patched rows. */
const LogRowView = memo(function LogRowView({
  row,
  rowIndex,
  open,
  onOpen,
}: {
  row: LogRow;
  rowIndex: number;
  open: boolean;
  onOpen(key: string): void;
}) {
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={open}
      tabIndex={0}
      className={`log-row outcome-row-${row.outcome}${rowIndex % 2 ? ' is-alt' : ''}${open ? ' is-open' : ''}`}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onOpen(row.key)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row.key);
        }
      }}
    >
      <td className="mono">{formatTime(row.t)}</td>
      <td>
        <span className={`perf perf-${row.performative.replace(/[^a-z-]/g, '')}`}>{row.performative}</span>
      </td>
      <td className="mono">{row.sender}</td>
      <td className="mono">{row.receiver}</td>
      <td className="mono muted">{row.message?.conversation_id ?? ''}</td>
      <td className="mono content-cell" title={row.content}>
        {row.content}
      </td>
      <td>
        <Outcome row={row} />
      </td>
    </tr>
  );
});

/** Rows rendered above and below the visible ones (keyboard focus, fast scrolling). */
const OVERSCAN = 6;
/** `top` while the log follows new rows. */
const FOLLOW = -1;

/**
 * The message log: a window of fixed-height rows over the store's append-only rows. Work
 * per publish is the new rows (filtered once each) and the rows in view; hidden (another
 * dock tab shown), it reads nothing from the store and catches up when shown.
 */
export function MessageLog() {
  const active = usePanelActive();
  const store = useWorkbenchStore();
  // The rows change in place; their version is what re-renders the log, and only while shown.
  useWorkbenchWhile(active, (s) => s.logVersion);
  const { rows, droppedRows: liveDropped } = store.getState();
  const filter = useWorkbench((s) => s.logFilter);
  const detailKey = useWorkbench((s) => s.detailKey);
  const showMessage = useWorkbench((s) => s.showMessage);
  const scroller = useRef<HTMLDivElement>(null);
  const model = useMemo(() => createRowModel(), []);
  /** First row in view, or FOLLOW (the view sticks to the newest row). */
  const [top, setTop] = useState(FOLLOW);
  const [viewHeight, setViewHeight] = useState(400);

  // Paused: the view ends where it was; new rows wait (the store keeps them).
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const total = liveDropped + rows.length;
  const buffered = frozenAt === null ? 0 : total - frozenAt;
  const view = model.view(rows, liveDropped, filter, frozenAt ?? undefined);
  const dropped = liveDropped;

  const inView = Math.ceil(viewHeight / ROW_HEIGHT);
  const first = Math.max(0, Math.min(top === FOLLOW ? view.length - inView : top, view.length - inView) - OVERSCAN);
  const last = Math.min(view.length, (top === FOLLOW ? view.length : top + inView) + OVERSCAN);

  const onScroll = () => {
    const el = scroller.current;
    if (!el || el.clientHeight === 0) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
    setTop(atBottom ? FOLLOW : Math.floor(el.scrollTop / ROW_HEIGHT));
  };

  // Following: keep the newest row in view (one layout per publish, only while shown).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (active && top === FOLLOW && el && view.length > 0) el.scrollTop = el.scrollHeight;
  }, [active, top, view.length, viewHeight]);

  // The visible height, from the layout engine (never measured during render).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (el.clientHeight > 0) setViewHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const h = entry?.contentRect.height ?? 0;
      if (h > 0) setViewHeight(h);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const padTop = first * ROW_HEIGHT;
  const padBottom = (view.length - last) * ROW_HEIGHT;
  const shown: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rowAt(view, index);
    if (!row) continue;
    shown.push(<LogRowView key={row.key} row={row} rowIndex={index + 2} open={row.key === detailKey} onOpen={showMessage} />);
  }

  return (
    <div className="log">
      <LogToolbar
        paused={frozenAt !== null}
        buffered={buffered}
        onTogglePause={() => setFrozenAt((f) => (f === null ? total : null))}
      />
      <div className="log-scroll" ref={scroller} onScroll={onScroll}>
        <table className="log-table" aria-label="Message log" aria-rowcount={view.length + 1}>
          <colgroup>
            <col className="col-time" />
            <col className="col-perf" />
            <col className="col-party" />
            <col className="col-party" />
            <col className="col-conv" />
            <col className="col-content" />
            <col className="col-outcome" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Time</th>
              <th scope="col">Performative</th>
              <th scope="col">Sender</th>
              <th scope="col">Receiver</th>
              <th scope="col">Conversation</th>
              <th scope="col">Content</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="log-spacer" aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={7} />
              </tr>
            )}
            {shown}
            {padBottom > 0 && (
              <tr className="log-spacer" aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={7} />
              </tr>
            )}
          </tbody>
        </table>
        {view.length === 0 && (
          <p className="muted pad">
            {total === 0 ? 'No messages yet. Send one from the Composer tab.' : 'No message matches the filters.'}
          </p>
        )}
      </div>
      <div className="log-footer muted">
        {isFilterEmpty(filter)
          ? `${view.length.toLocaleString()} messages shown`
          : `${view.length.toLocaleString()} of ${(Math.min(frozenAt ?? total, total) - dropped).toLocaleString()} messages match`}
        {dropped > 0 && ` · ${dropped.toLocaleString()} older rows dropped from view`}
        {frozenAt !== null && ` · paused at ${frozenAt.toLocaleString()} of ${total.toLocaleString()}`}
      </div>
    </div>
  );
}
