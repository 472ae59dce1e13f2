/**
 * The kernel worker's page subscriptions by interest: each has its own UiStream (filter,
 * sampler, tallies) over the runtime's event batches, encoded as one JSON string per
 * batch (see ../eventWire.ts for why a string).
 */
import type { KernelEvent } from '../../kernel/types';
import { createUiStream, type UiStreamOptions } from './createUiStream';
import type { StreamInterest, UiBatch } from './uiStreamTypes';

/** A UiBatch as JSON. */
export type UiBatchWire = string;

export interface StreamHub {
  /** Returns the subscription's id (for `setInterest` and `close`). */
  open(listener: (batch: UiBatchWire) => void, interest: StreamInterest): Promise<number>;
  setInterest(id: number, interest: StreamInterest): void;
  close(id: number): void;
  /** Every subscription sends this message's events whole (see UiStream.watch). */
  watch(messageId: string): void;
  /** Every subscription sends this request's events whole (see UiStream.watchRequest). */
  watchRequest(sender: string, replyWith: string): void;
}

export interface StreamHubDeps {
  /** The runtime's event subscription. */
  subscribe(listener: (events: readonly KernelEvent[]) => void): Promise<() => void>;
  options?: UiStreamOptions;
}

export function encodeBatch(batch: UiBatch): UiBatchWire {
  return JSON.stringify(batch);
}

export function decodeBatch(wire: UiBatchWire): UiBatch {
  return JSON.parse(wire) as UiBatch;
}

const isEmpty = (b: UiBatch) => b.events.length === 0 && !b.tally;

export function createStreamHub(deps: StreamHubDeps): StreamHub {
  const subscriptions = new Map<number, { stream: ReturnType<typeof createUiStream>; off: () => void }>();
  let nextId = 1;
  return {
    async open(listener, interest) {
      const stream = createUiStream(deps.options);
      stream.setInterest(interest);
      const id = nextId++;
      const off = await deps.subscribe((events) => {
        const batch = stream.take(events);
        if (!isEmpty(batch)) listener(encodeBatch(batch));
      });
      subscriptions.set(id, { stream, off });
      return id;
    },
    setInterest(id, interest) {
      subscriptions.get(id)?.stream.setInterest(interest);
    },
    close(id) {
      subscriptions.get(id)?.off();
      subscriptions.delete(id);
    },
    watch(messageId) {
      for (const { stream } of subscriptions.values()) stream.watch(messageId);
    },
    watchRequest(sender, replyWith) {
      for (const { stream } of subscriptions.values()) stream.watchRequest(sender, replyWith);
    },
  };
}
