import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useWorkbench } from '../store/WorkbenchContext';
import type { LogRow } from '../store/types';
import { LogToolbar } from './log/LogToolbar';
import { createRowModel, isFilterEmpty, rowAt } from './log/rowModel';

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
      className={`log-row outcome-row-${row.outcome}${open ? ' is-open' : ''}`}
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

export function MessageLog() {
  const liveRows = useWorkbench((s) => s.rows);
  const liveDropped = useWorkbench((s) => s.droppedRows);
  const filter = useWorkbench((s) => s.logFilter);
  const detailKey = useWorkbench((s) => s.detailKey);
  const showMessage = useWorkbench((s) => s.showMessage);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const model = useMemo(() => createRowModel(), []);

  // Paused: the view keeps the rows it had; new ones wait (the store keeps them).
  const [frozen, setFrozen] = useState<{ rows: readonly LogRow[]; dropped: number } | null>(null);
  const rows = frozen?.rows ?? liveRows;
  const dropped = frozen?.dropped ?? liveDropped;
  const buffered = frozen ? liveDropped + liveRows.length - (frozen.dropped + frozen.rows.length) : 0;
  const view = model.view(rows, dropped, filter);

  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Keyed by message id so that dropping old rows keeps measurements right.
    getItemKey: (index) => rowAt(view, index)?.key ?? index,
  });

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
  };

  useLayoutEffect(() => {
    if (follow.current && view.length > 0) virtualizer.scrollToIndex(view.length - 1, { align: 'end' });
  }, [view, virtualizer]);

  // A hidden dock panel has no size; re-measure when it is shown again.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => virtualizer.measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [virtualizer]);

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const total = liveDropped + liveRows.length;

  return (
    <div className="log">
      <LogToolbar
        paused={frozen !== null}
        buffered={buffered}
        onTogglePause={() => setFrozen((f) => (f ? null : { rows: liveRows, dropped: liveDropped }))}
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
            {items.map((item) => {
              const row = rowAt(view, item.index);
              if (!row) return null;
              return (
                <LogRowView key={item.key} row={row} rowIndex={item.index + 2} open={row.key === detailKey} onOpen={showMessage} />
              );
            })}
            {padBottom > 0 && (
              <tr className="log-spacer" aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={7} />
              </tr>
            )}
          </tbody>
        </table>
        {view.length === 0 && (
          <p className="muted pad">
            {rows.length === 0 ? 'No messages yet. Send one from the Composer tab.' : 'No message matches the filters.'}
          </p>
        )}
      </div>
      <div className="log-footer muted">
        {isFilterEmpty(filter)
          ? `${view.length.toLocaleString()} messages shown`
          : `${view.length.toLocaleString()} of ${rows.length.toLocaleString()} messages match`}
        {dropped > 0 && ` · ${dropped.toLocaleString()} older rows dropped from view`}
        {frozen && ` · paused at ${(frozen.dropped + frozen.rows.length).toLocaleString()} of ${total.toLocaleString()}`}
      </div>
    </div>
  );
}
