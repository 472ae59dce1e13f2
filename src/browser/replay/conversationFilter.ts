/**
 * Playing back one conversation: its message events go to the page whole; other
 * conversations' message events are left out but tallied (stream/tallyMessages), so the
 * canvas's counters, mailbox depths and the store's position in the log stay what they would
 * be with every event. Events that are not about a message (statuses, kv, links) always go.
 */
import type { KernelEvent } from '../../kernel/types';
import type { MessageTally } from '../stream/uiStreamTypes';
import { emptyTally, tallyMessageEvent } from '../stream/tallyMessages';
import { messageIdOf } from '../../experiments/replay/timelineIndex';

/** `message.invalid` is about no message, and belongs to no conversation. */
function isMessageEvent(event: KernelEvent): boolean {
  return event.type.startsWith('message.');
}

/** Whether the page sees this event while `conversation` is selected. */
export function keepsEvent(event: KernelEvent, conversation: string, conversationOf: (messageId: string) => string | undefined): boolean {
  if (!isMessageEvent(event)) return true;
  if ((event.type === 'message.sent' || event.type === 'message.dead-lettered') && event.message.conversation_id !== undefined)
    return event.message.conversation_id === conversation;
  const id = messageIdOf(event);
  return id !== undefined && conversationOf(id) === conversation;
}

export interface FilteredBatch {
  events: KernelEvent[];
  /** The left-out message events, added up (absent when nothing was left out). */
  tally?: MessageTally;
}

/** The batch as the page gets it: all of it with no conversation selected. */
export function filterBatch(
  events: readonly KernelEvent[],
  conversation: string | undefined,
  conversationOf: (messageId: string) => string | undefined,
): FilteredBatch {
  if (conversation === undefined) return { events: [...events] };
  const kept: KernelEvent[] = [];
  let tally: MessageTally | undefined;
  for (const event of events) {
    if (keepsEvent(event, conversation, conversationOf)) kept.push(event);
    else tallyMessageEvent((tally ??= emptyTally()), event, undefined);
  }
  return tally ? { events: kept, tally } : { events: kept };
}
