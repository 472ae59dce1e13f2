/**
 * The log's row model: which rows pass the filter, kept incrementally. A batch of new rows
 * costs a scan of the new rows only; rows dropped from the front cost a binary search. The
 * view object changes identity only when which rows it shows changed (not when a row's
 * outcome was patched), so React can skip work.
 */
import type { LogFilter } from './messageViewSlice';
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
  /**
   * The rows passing `filter`. `rows` is the store's append-only array (patched and trimmed
   * in place); `end` (absolute, exclusive) cuts the view short, e.g. while the log is paused.
   */
  view(rows: readonly LogRow[], droppedRows: number, filter: LogFilter, end?: number): RowView;
  /** Rows handed to the filter so far (each row is tested once per filter). */
  readonly scanned: number;
}

export function createRowModel(): RowModel {
  let last: RowView | null = null;
  let lastKey: { rows: readonly LogRow[]; length: number; droppedRows: number; filter: LogFilter; end: number } | null = null;
  let test: (row: LogRow) => boolean = () => true;
  let filtered: LogFilter | null = null;
  /** Absolute row number scanned up to (exclusive). */
  let scanned = 0;
  let matches: number[] = [];
  let tested = 0;

  return {
    get scanned() {
      return tested;
    },
    view(rows, droppedRows, filter, endAt) {
      const end = Math.min(endAt ?? Infinity, droppedRows + rows.length);
      const k = lastKey;
      // Patched rows keep their slot and their filtered fields: the same view still holds.
      if (last && k && k.rows === rows && k.length === rows.length && k.droppedRows === droppedRows && k.filter === filter && k.end === end)
        return last;
      lastKey = { rows, length: rows.length, droppedRows, filter, end };
      if (isFilterEmpty(filter)) {
        filtered = null;
        last = { rows, droppedRows, matches: null, length: Math.max(0, end - droppedRows) };
        return last;
      }
      if (filter !== filtered || droppedRows + rows.length < scanned) {
        test = compileFilter(filter);
        filtered = filter;
        matches = [];
        scanned = droppedRows;
      }
      if (matches.length > 0 && matches[0]! < droppedRows) matches = matches.slice(lowerBound(matches, droppedRows));
      scanned = Math.max(scanned, droppedRows);
      for (let abs = scanned; abs < end; abs++) if (test(rows[abs - droppedRows]!)) matches.push(abs);
      tested += Math.max(0, end - scanned);
      scanned = Math.max(scanned, end);
      // `matches` only grows at the end, so an older view's `length` still describes it.
      last = { rows, droppedRows, matches, length: end < scanned ? lowerBound(matches, end) : matches.length };
      return last;
    },
  };
}
