/**
 * Links between messages, found in the log rows: the reply to a message (it quotes the
 * message's reply_with in in_reply_to and comes from its receiver) and the message a reply
 * answers. Scans outward from the message; rows are in send order.
 */
import type { LogRow } from '../../store/types';
import { receiversOf } from './rowModel';

export function findRow(rows: readonly LogRow[], key: string, near?: number): LogRow | undefined {
  if (near !== undefined && rows[near]?.key === key) return rows[near];
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.key === key) return rows[i];
  return undefined;
}

/** The first later message answering `row` (its in_reply_to = row's reply_with, sent to row's sender). */
export function findReply(rows: readonly LogRow[], row: LogRow): LogRow | undefined {
  const tag = row.message?.reply_with;
  if (!tag) return undefined;
  const start = rows.indexOf(row);
  for (let i = start + 1; i < rows.length; i++) {
    const m = rows[i]!.message;
    if (m && m.in_reply_to === tag && receiversOf(rows[i]!).includes(row.sender)) return rows[i];
  }
  return undefined;
}

/** The latest earlier message `row` answers (its reply_with = row's in_reply_to, from row's receiver). */
export function findRequest(rows: readonly LogRow[], row: LogRow): LogRow | undefined {
  const tag = row.message?.in_reply_to;
  if (!tag) return undefined;
  const start = rows.indexOf(row);
  for (let i = start - 1; i >= 0; i--) {
    const m = rows[i]!.message;
    if (m && m.reply_with === tag && m.sender !== row.sender && receiversOf(row).includes(m.sender)) return rows[i];
  }
  return undefined;
}
