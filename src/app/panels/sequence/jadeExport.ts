/**
 * The sequence view's messages as JADE writes them (pure): one conversation, or every message
 * the sniffed lanes show, through `toJadeLog`, and the file name to save it under.
 */
import type { KernelEvent } from '../../../kernel/types';
import { toJadeLog } from '../../../experiments/interop';
import type { RecordingHeader } from '../../../experiments/replay/types';
import { KERNEL_SENDER } from '../../../protocol/names';
import type { LogRow } from '../../store/types';
import { sniffedSteps } from './layoutSequence';

export interface JadeExport {
  fileName: string;
  text: string;
  /** Messages written. */
  count: number;
}

/**
 * Epoch ms at kernel time 0 for what the workbench shows: none open (`undefined`, the live
 * kernel) or a recording in playback. The live kernel runs on the real clock (epoch ms), and
 * so does every `live` recording, JADE imports included (each entry at its timestamp): 0, the
 * times are dates already. A simulation's clock is virtual and has no date: its times count
 * from the recording's `createdAt`.
 */
export function kernelEpoch(header: Pick<RecordingHeader, 'clockMode' | 'createdAt'> | undefined): number {
  if (header === undefined || header.clockMode === 'live') return 0;
  const created = Date.parse(header.createdAt);
  return Number.isFinite(created) ? created : 0;
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
