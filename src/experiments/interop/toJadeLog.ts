/**
 * A conversation (or a whole event log) in JADE's string form: one entry per `message.sent`,
 * each preceded by its time as an ISO 8601 timestamp, entries separated by a blank line, so
 * `importJadeLog` reads it back. Kernel failures (sender `kernel`) are left out unless asked:
 * JADE has no such sender.
 */
import { encodeFipa, type AgentAddresses } from '../../protocol/fipaString';
import { KERNEL_SENDER } from '../../protocol/names';
import type { KernelEvent } from '../../kernel/types';
import { formatStamp } from './jadeTimestamp';

export interface JadeExportOptions {
  /** Only messages of this conversation. */
  conversationId?: string;
  /** Epoch ms at kernel time 0. Default 0: kernel time is epoch ms (the live kernel's real clock, live and imported recordings). */
  timeOrigin?: number;
  addresses?: AgentAddresses;
  /** Write no timestamps (the messages alone). */
  timestamps?: boolean;
  includeKernel?: boolean;
}

export function toJadeLog(events: readonly KernelEvent[], options: JadeExportOptions = {}): string {
  const origin = options.timeOrigin ?? 0;
  const addresses = options.addresses;
  const entries: string[] = [];
  for (const event of events) {
    if (event.type !== 'message.sent') continue;
    const { message } = event;
    if (options.conversationId !== undefined && message.conversation_id !== options.conversationId) continue;
    if (message.sender === KERNEL_SENDER && !options.includeKernel) continue;
    const { id: _id, sent_at: _sentAt, content, ...rest } = message;
    // The kernel stamps `null` on a message sent without content: JADE writes no :content then
    const draft = content === null ? rest : { ...rest, content };
    const text = encodeFipa(draft, {
      style: 'jade',
      timeOrigin: origin,
      ...(addresses ? { addresses: (name: string) => (Object.hasOwn(addresses, name) ? addresses[name] : undefined) } : {}),
    });
    entries.push(options.timestamps === false ? text : `${formatStamp(origin + message.sent_at)}\n${text}`);
  }
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}
