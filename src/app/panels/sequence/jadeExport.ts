/**
 * The sequence view's messages as JADE writes them (pure): one conversation, or every message
 * the sniffed lanes show, through `toJadeLog`, and the file name to save it under.
 */
import type { KernelEvent } from '../../../kernel/types';
import { toJadeLog } from '../../../experiments/interop';
import { KERNEL_SENDER } from '../../../protocol/names';
import type { LogRow } from '../../store/types';
import { sniffedSteps } from './layoutSequence';

export interface JadeExport {
  fileName: string;
  text: string;
  /** Messages written. */
  count: number;
}

/** Conversation ids in the order they first appear. */
export function conversationIds(rows: readonly LogRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) if (row.message?.conversation_id) ids.add(row.message.conversation_id);
  return [...ids];
}

/** A file name from a conversation id: letters, digits, dots and dashes; never empty. */
export function jadeFileName(conversationId: string | undefined): string {
  const stem = (conversationId ?? '').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${stem || 'messages'}.acl.log`;
}

/**
 * `conversationId`: only that conversation (whatever is sniffed); else every message shown
 * with these lanes hidden. `timeOrigin`: epoch ms at kernel time 0, for the timestamps.
 */
export function jadeExport(
  rows: readonly LogRow[],
  options: { conversationId?: string; hidden?: ReadonlySet<string>; timeOrigin?: number } = {},
): JadeExport {
  const { conversationId } = options;
  const chosen = conversationId === undefined ? sniffedSteps(rows, options.hidden ?? new Set()).map((i) => rows[i]!) : rows;
  const events: KernelEvent[] = [];
  for (const row of chosen) {
    if (!row.message || row.outcome === 'invalid') continue;
    events.push({ type: 'message.sent', message: row.message, seq: row.seq, t: row.t });
  }
  const text = toJadeLog(events, {
    ...(conversationId !== undefined ? { conversationId } : {}),
    ...(options.timeOrigin !== undefined ? { timeOrigin: options.timeOrigin } : {}),
  });
  // toJadeLog's own choice: the conversation's messages, the kernel's failures left out
  const count = events.filter(
    (e) =>
      e.type === 'message.sent' &&
      e.message.sender !== KERNEL_SENDER &&
      (conversationId === undefined || e.message.conversation_id === conversationId),
  ).length;
  return { fileName: jadeFileName(conversationId), text, count };
}
