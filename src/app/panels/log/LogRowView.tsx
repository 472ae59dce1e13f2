import { memo } from 'react';
import type { LogRow } from '../../store/types';
import { ViolationMarker } from '../contracts/ViolationMarker';

export const ROW_HEIGHT = 26;

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
export const LogRowView = memo(function LogRowView({
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
        <ViolationMarker messageId={row.key} />
        <Outcome row={row} />
      </td>
    </tr>
  );
});
