import { useEffect, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useWorkbench } from '../store/WorkbenchContext';
import type { LogRow } from '../store/types';

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

export function MessageLog() {
  const rows = useWorkbench((s) => s.rows);
  const dropped = useWorkbench((s) => s.droppedRows);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows are keyed by message id so that dropping old rows keeps measurements right.
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
  };

  useLayoutEffect(() => {
    if (follow.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows, virtualizer]);

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

  return (
    <div className="log">
      <div className="log-scroll" ref={scroller} onScroll={onScroll}>
        <table className="log-table" aria-label="Message log" aria-rowcount={rows.length + 1}>
          <colgroup>
            <col className="col-time" />
            <col className="col-perf" />
            <col className="col-party" />
            <col className="col-party" />
            <col className="col-content" />
            <col className="col-outcome" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Time</th>
              <th scope="col">Performative</th>
              <th scope="col">Sender</th>
              <th scope="col">Receiver</th>
              <th scope="col">Content</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="log-spacer" aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={6} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={item.key}
                  aria-rowindex={item.index + 2}
                  className={`log-row outcome-row-${row.outcome}`}
                  style={{ height: ROW_HEIGHT }}
                >
                  <td className="mono">{formatTime(row.t)}</td>
                  <td>
                    <span className={`perf perf-${row.performative.replace(/[^a-z-]/g, '')}`}>{row.performative}</span>
                  </td>
                  <td className="mono">{row.sender}</td>
                  <td className="mono">{row.receiver}</td>
                  <td className="mono content-cell" title={row.content}>
                    {row.content}
                  </td>
                  <td>
                    <Outcome row={row} />
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr className="log-spacer" aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={6} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted pad">No messages yet. Send one from the Composer tab.</p>}
      </div>
      <div className="log-footer muted">
        {rows.length.toLocaleString()} messages shown
        {dropped > 0 && ` · ${dropped.toLocaleString()} older rows dropped from view`}
      </div>
    </div>
  );
}
