/**
 * The kernel's own timers as data: a binary heap of items ordered by (time, insertion
 * order), so ties fire in the order they were scheduled and a run replays exactly. The
 * shell only ever sees one `timer` effect for the earliest of these and the reply deadlines.
 */
import type { AclMessage } from '../../protocol/message';

export type Scheduled =
  /** A supervised restart after its backoff; `token` goes stale when the plan changes. */
  | { kind: 'restart'; agent: string; token: number }
  /** A message held in the network (latency, reorder, bandwidth) landing at its receiver. */
  | { kind: 'transit'; message: AclMessage; to: string; link: string; pair: string | undefined; invalid: string | undefined }
  /** An at-least-once message not yet acknowledged: resend or give up. */
  | { kind: 'retry'; key: string; token: number }
  /** A failed request sent again (link policy `requestRetry`). */
  | { kind: 'resend'; message: AclMessage; to: string; link: string }
  /** An open circuit breaker lets one probe through. */
  | { kind: 'half-open'; link: string; token: number }
  /** An agent's own timer (`agent.timer`): a wake-up message to itself. */
  | { kind: 'agent-timer'; agent: string; tag: string; token: number };

interface Entry {
  at: number;
  order: number;
  item: Scheduled;
}

export class Scheduler {
  private readonly heap: Entry[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: Scheduled): void {
    const heap = this.heap;
    const entry: Entry = { at, order: this.order++, item };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The earliest time anything is due. */
  next(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest item due at `now`, if any. */
  pop(now: number): Scheduled | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.at > now) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && before(heap[child + 1]!, heap[child]!)) child++;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top.item;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
