/**
 * The filter, sampler and aggregator between the kernel's events and one page
 * subscription (runs in the kernel worker; pure: no clocks, no I/O). See uiStreamTypes.ts.
 */
import type { KernelEvent } from '../../kernel/types';
import { BoundedMap, BoundedSet } from './boundedMemory';
import { createFollower } from './followWatched';
import { emptyTally, tallyMessageEvent } from './tallyMessages';
import type { MessageTally, StreamInterest, UiBatch } from './uiStreamTypes';

/**
 * Whole messages per batch while a message panel is open: the runtime publishes ~10
 * batches a second, so up to ~250 messages a second reach the log and sequence view.
 * That is still more than a following log shows (~15 rows in view, 5 publishes a second);
 * each costs a JSON pass in this worker and, on the page's main thread, a parse, a row and
 * its patches, taken from drawing the canvas. It was 100 (~1,000 a second).
 */
export const DEFAULT_MESSAGE_CAP = 25;

export interface UiStreamOptions {
  /** Most `message.sent` events sent whole per batch; the rest are tallied. */
  messageCap?: number;
  /** How many shown messages' ids are remembered, so their later events go whole too. */
  rememberShown?: number;
  /** How many send times are remembered for the latency of tallied deliveries. */
  rememberSendTimes?: number;
}

export interface UiStream {
  setInterest(interest: StreamInterest): void;
  /**
   * Always send this message's events whole (a message the page sent and follows), and
   * those of its answers (see followWatched.ts). Call
   * it in the task that sent the message: its events are then still unpublished (the
   * runtime publishes on a timer), so none of them has been left out yet.
   */
  watch(messageId: string): void;
  /** Like `watch`, for a request about to be sent: matched by sender and `reply_with` (see followWatched.ts). */
  watchRequest(sender: string, replyWith: string): void;
  /** The batch for the page from the kernel's next events. */
  take(events: readonly KernelEvent[]): UiBatch;
}

type MessageEvent = Extract<KernelEvent, { type: 'message.sent' | 'message.delivered' | 'message.handled' | 'message.failed' }>;

function messageIdOf(event: KernelEvent): string | undefined {
  switch (event.type) {
    case 'message.sent':
      return event.message.id;
    case 'message.delivered':
    case 'message.handled':
    case 'message.failed':
      return event.messageId;
    default:
      // Dead letters and invalid input are rare and always shown.
      return undefined;
  }
}

export function createUiStream(options: UiStreamOptions = {}): UiStream {
  const cap = options.messageCap ?? DEFAULT_MESSAGE_CAP;
  const shown = new BoundedSet(options.rememberShown ?? 50_000);
  const follower = createFollower();
  const sendTimes = new BoundedMap<number>(options.rememberSendTimes ?? 100_000);
  let interest: StreamInterest = { messages: false };

  return {
    setInterest(next) {
      interest = { ...next };
    },
    watch: (messageId) => follower.watch(messageId),
    watchRequest: (sender, replyWith) => follower.watchRequest(sender, replyWith),
    take(events) {
      const out: KernelEvent[] = [];
      let tally: MessageTally | undefined;
      let whole = 0;
      let total = 0;
      for (const event of events) {
        const id = messageIdOf(event);
        if (id === undefined) {
          out.push(event);
          continue;
        }
        const e = event as MessageEvent;
        let keep = shown.has(id) || (e.type === 'message.sent' ? follower.sent(e.message) : follower.has(id));
        if (e.type === 'message.sent') {
          if (interest.tallies !== false) sendTimes.set(id, e.message.sent_at ?? e.t);
          if (interest.messages) total++;
          if (!keep && interest.messages && whole < cap) {
            keep = true;
            shown.add(id);
          }
          if (keep && interest.messages) whole++;
        }
        if (keep) {
          out.push(e);
          continue;
        }
        if (interest.tallies === false) continue;
        tally ??= emptyTally();
        tallyMessageEvent(tally, e, e.type === 'message.delivered' ? sendTimes.get(id) : undefined);
      }
      const batch: UiBatch = { events: out };
      if (tally) batch.tally = tally;
      if (total > 0) batch.sample = { shown: whole, total };
      return batch;
    },
  };
}
