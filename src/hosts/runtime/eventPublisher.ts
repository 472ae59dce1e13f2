/** Events to subscribers in coalesced batches, at most one batch per `intervalMs`. */
import type { Clock, KernelEvent } from '../../kernel/types';
import type { Schedule } from '../realSchedule';

export interface EventPublisher {
  push(events: readonly KernelEvent[]): void;
  subscribe(listener: (events: KernelEvent[]) => void): () => void;
  /** Publishes what is pending now. */
  flush(): void;
  dispose(): void;
}

export function createEventPublisher(options: { clock: Clock; schedule: Schedule; intervalMs: number }): EventPublisher {
  const { clock, schedule } = options;
  const subscribers = new Set<(events: KernelEvent[]) => void>();
  let unpublished: KernelEvent[] = [];
  let timer: unknown;
  let last = -Infinity;
  let disposed = false;

  function flush(): void {
    timer = undefined;
    last = clock.now();
    if (unpublished.length === 0) return;
    const events = unpublished;
    unpublished = [];
    for (const s of subscribers) {
      try {
        s(events);
      } catch {
        /* a subscriber's bug must not stop the others */
      }
    }
  }

  return {
    push(events) {
      if (events.length === 0 || subscribers.size === 0) return;
      for (const e of events) unpublished.push(e);
      if (timer !== undefined || disposed) return;
      timer = schedule.setTimeout(flush, Math.max(0, last + options.intervalMs - clock.now()));
    },
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    flush,
    dispose() {
      disposed = true;
      if (timer !== undefined) schedule.clearTimeout(timer);
      subscribers.clear();
    },
  };
}
