/**
 * Host effects collected while the kernel steps, handed to the host in batches: many sends
 * in one task (a load driver's burst, a pipeline of requests) cross to a worker as one
 * transfer instead of one each. A batch goes when it reaches `maxBatch` effects (so a long
 * burst still streams to the workers while it is being produced), or at its deadline: the
 * end of the current task (a microtask), so a lone effect waits for nothing but the
 * synchronous code that produced it.
 */
import type { Effect } from '../../kernel/types';

export const DEFAULT_MAX_BATCH = 512;

export interface OutboxOptions {
  maxBatch?: number;
  /** Runs `flush` at the batch's deadline. Default: queueMicrotask. */
  defer?: (flush: () => void) => void;
}

export class HostOutbox {
  private effects: Effect[] = [];
  private depth = 0;
  private flushPending = false;
  private readonly maxBatch: number;
  private readonly defer: (flush: () => void) => void;

  constructor(
    private readonly perform: (effects: readonly Effect[]) => void,
    options: OutboxOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
    // Called unbound: queueMicrotask must not get the outbox as `this` (browsers throw Illegal invocation).
    this.defer = options.defer ?? ((flush) => queueMicrotask(flush));
  }

  push(effect: Effect): void {
    this.effects.push(effect);
  }

  /** Runs `fn`; the host effects it produced go with the current batch. */
  batch<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      if (this.depth === 0) this.settle();
    }
  }

  /** Hands over everything pending now. */
  flush = (): void => {
    this.flushPending = false;
    if (this.effects.length === 0) return;
    const effects = this.effects;
    this.effects = [];
    this.perform(effects);
  };

  private settle(): void {
    if (this.effects.length >= this.maxBatch) this.flush();
    else if (this.effects.length > 0 && !this.flushPending) {
      this.flushPending = true;
      this.defer(this.flush);
    }
  }
}
