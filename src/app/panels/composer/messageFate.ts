/** What became of a sent message, read from the log's projection of the event stream. */
import type { LogRow, LogSlice } from '../../store/types';

export type MessageFate =
  | { state: 'on-its-way' }
  | { state: 'delivered'; to: string }
  | { state: 'not-delivered'; to: string; reason: string; deadLettered: boolean };

/** The log row of message `id`, if it is still in the (bounded) log. */
export function rowOf(log: Pick<LogSlice, 'rows' | 'rowById' | 'droppedRows'>, id: string): LogRow | undefined {
  const n = log.rowById.get(id);
  if (n === undefined) return undefined;
  const row = log.rows[n - log.droppedRows];
  return row?.key === id ? row : undefined;
}

export function fateOf(row: LogRow | undefined): MessageFate {
  if (!row || row.outcome === 'sent') return { state: 'on-its-way' };
  if (row.outcome === 'delivered') return { state: 'delivered', to: row.receiver };
  return { state: 'not-delivered', to: row.receiver, reason: row.reason ?? row.outcome, deadLettered: row.outcome === 'dead-lettered' };
}
