/**
 * The log's row model: which rows pass the filter, kept incrementally. A batch of new rows
 * costs a scan of the new rows only; rows dropped from the front cost a binary search. The
 * view object changes identity only when what it shows changed, so React can skip work.
 */
import type { LogFilter } from '../../store/messageViewSlice';
import type { LogRow } from '../../store/types';

export interface RowView {
  readonly rows: readonly LogRow[];
  readonly droppedRows: number;
  /** Absolute row numbers that pass the filter, or null when nothing is filtered. */
  readonly matches: readonly number[] | null;
  /** Rows in the view. */
  readonly length: number;
}

export function isFilterEmpty(f: LogFilter): boolean {
  return !f.agent && !f.performative && !f.conversation && !f.text.trim();
}

/** Receivers of a row as names (a list, a single name, `*` or a topic). */
export function receiversOf(row: LogRow): readonly string[] {
  const r = row.message?.receiver;
  if (Array.isArray(r)) return r;
  if (typeof r === 'string') return [r];
  return row.receiver ? row.receiver.split(', ') : [];
}

/** A compiled filter: one closure per filter change, not per row. */
export function compileFilter(f: LogFilter): (row: LogRow) => boolean {
  const text = f.text.trim().toLowerCase();
  const { agent, performative, conversation } = f;
  return (row) => {
    if (performative && row.performative !== performative) return false;
    if (conversation && row.message?.conversation_id !== conversation) return false;
    if (agent && row.sender !== agent && !receiversOf(row).includes(agent)) return false;
    if (text) {
      // Only fields that never change after the row is written: the match cache stays true.
      const hay = `${row.key} ${row.performative} ${row.sender} ${row.receiver} ${row.message?.conversation_id ?? ''} ${row.content}`;
      if (!hay.toLowerCase().includes(text)) return false;
    }
    return true;
  };
}

export function rowAt(view: RowView, index: number): LogRow | undefined {
  if (view.matches === null) return view.rows[index];
  const abs = view.matches[index];
  return abs === undefined ? undefined : view.rows[abs - view.droppedRows];
}

/** First index in the sorted `values` at or above `min`. */
function lowerBound(values: readonly number[], min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RowModel {
  view(rows: readonly LogRow[], droppedRows: number, filter: LogFilter): RowView;
}

export function createRowModel(): RowModel {
  let last: RowView | null = null;
  let lastFilter: LogFilter | null = null;
  let test: (row: LogRow) => boolean = () => true;
  /** Absolute row number scanned up to (exclusive). */
  let scanned = 0;
  let matches: number[] = [];

  return {
    view(rows, droppedRows, filter) {
      if (last && last.rows === rows && last.droppedRows === droppedRows && lastFilter === filter) return last;
      if (isFilterEmpty(filter)) {
        lastFilter = filter;
        last = { rows, droppedRows, matches: null, length: rows.length };
        return last;
      }
      if (filter !== lastFilter || last?.matches === null || droppedRows + rows.length < scanned) {
        test = compileFilter(filter);
        matches = [];
        scanned = droppedRows;
      }
      lastFilter = filter;
      if (matches.length > 0 && matches[0]! < droppedRows) matches = matches.slice(lowerBound(matches, droppedRows));
      scanned = Math.max(scanned, droppedRows);
      const end = droppedRows + rows.length;
      // A row already scanned may have been replaced (outcome patched): its filtered fields did not change.
      for (let abs = scanned; abs < end; abs++) if (test(rows[abs - droppedRows]!)) matches.push(abs);
      scanned = end;
      // `matches` only grows at the end, so an older view's `length` still describes it.
      last = { rows, droppedRows, matches, length: matches.length };
      return last;
    },
  };
}
