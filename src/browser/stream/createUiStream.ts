/**
 * The filter, sampler and aggregator between the kernel's events and one page
 * subscription (runs in the kernel worker; pure: no clocks, no I/O). See uiStreamTypes.ts.
 */
import type { KernelEvent } from '../../kernel/types';
import { BoundedMap, BoundedSet } from './boundedMemory';
import { emptyTally, tallyMessageEvent } from './tallyMessages';
import type { MessageTally, StreamInterest, UiBatch } from './uiStreamTypes';

/** Whole messages per batch while a message panel is open (the UI gets ~10 batches a second). */
export const DEFAULT_MESSAGE_CAP = 500;

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
  /** Always send this message's events whole (a message the page sent and follows). */
  watch(messageId: string): void;
  /** The batch for the page from the kernel's next events. */
  take(events: readonly KernelEvent[]): UiBatch;
  /** Watched events that were already left out, to send now (null: none). */
  takeLate(): UiBatch | null;
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
  const watched = new BoundedSet(1024);
  const sendTimes = new BoundedMap<number>(options.rememberSendTimes ?? 100_000);
  let interest: StreamInterest = { messages: false };
  // Left-out events of this batch and the one before, by message (for `watch`).
  let recent = new Map<string, MessageEvent[]>();
  let older = new Map<string, MessageEvent[]>();
  let late: KernelEvent[] = [];

  const remember = (id: string, event: MessageEvent) => {
    const list = recent.get(id);
    if (list) list.push(event);
    else recent.set(id, [event]);
  };

  return {
    setInterest(next) {
      interest = { ...next };
    },
    watch(messageId) {
      if (watched.has(messageId)) return;
      watched.add(messageId);
      const missed = [...(older.get(messageId) ?? []), ...(recent.get(messageId) ?? [])];
      late.push(...missed);
    },
    take(events) {
      older = recent;
      recent = new Map();
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
        let keep = watched.has(id) || shown.has(id);
        if (e.type === 'message.sent') {
          sendTimes.set(id, e.message.sent_at ?? e.t);
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
        tally ??= emptyTally();
        tallyMessageEvent(tally, e, e.type === 'message.delivered' ? sendTimes.get(id) : undefined);
        if (e.type !== 'message.handled') remember(id, e);
      }
      const batch: UiBatch = { events: out };
      if (tally) batch.tally = tally;
      if (total > 0) batch.sample = { shown: whole, total };
      if (late.length > 0) {
        batch.late = late;
        late = [];
      }
      return batch;
    },
    takeLate() {
      if (late.length === 0) return null;
      const batch: UiBatch = { events: [], late };
      late = [];
      return batch;
    },
  };
}
