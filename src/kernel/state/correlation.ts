/**
 * Request/response correlation. A message with `reply_with` and `reply_by` opens a pending
 * request keyed by (requester, reply_with). Any message addressed to the requester with
 * `in_reply_to` = that reply_with settles it: the receiver's answer, or a kernel `failure`
 * (no-route, ...). Deadlines sit in an indexed binary heap ordered by (reply_by, order),
 * so settled requests leave the heap at once and ties break deterministically.
 */
import type { AclMessage } from '../../protocol/message';
import { ChurnMap } from './churnMap';

export interface PendingRequest {
  readonly requester: string;
  readonly replyWith: string;
  readonly at: number;
  readonly order: number;
  readonly message: AclMessage;
  heapIndex: number;
}

/** Timed-out requests remembered to recognise late replies; the oldest are forgotten first. */
const MAX_REMEMBERED_TIMEOUTS = 10_000;

export class Correlation {
  private readonly byRequester = new Map<string, ChurnMap<string, PendingRequest>>();
  private readonly heap: PendingRequest[] = [];
  private readonly timedOut = new Map<string, true>();
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  register(message: AclMessage): void {
    const replyWith = message.reply_with!;
    let pending = this.byRequester.get(message.sender);
    if (pending === undefined) {
      pending = new ChurnMap();
      this.byRequester.set(message.sender, pending);
    }
    // A reused reply_with replaces the older request: the newest one is what a reply answers.
    const previous = pending.get(replyWith);
    if (previous !== undefined) this.removeFromHeap(previous);
    const request: PendingRequest = {
      requester: message.sender,
      replyWith,
      at: message.reply_by!,
      order: this.order++,
      message,
      heapIndex: this.heap.length,
    };
    pending.set(replyWith, request);
    this.heap.push(request);
    this.up(request.heapIndex);
  }

  /**
   * A message reached `to` with `in_reply_to`: `settled` if it answered a pending request,
   * `late` if it answers one that already timed out, otherwise undefined.
   */
  settle(to: string, inReplyTo: string): 'settled' | 'late' | undefined {
    if (this.heap.length > 0) {
      const pending = this.byRequester.get(to);
      const request = pending?.get(inReplyTo);
      if (request !== undefined) {
        pending!.delete(inReplyTo);
        this.removeFromHeap(request);
        return 'settled';
      }
    }
    if (this.timedOut.size > 0 && this.timedOut.delete(`${to}\u0000${inReplyTo}`)) return 'late';
    return undefined;
  }

  /** The earliest deadline, if any. */
  next(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns every request due at `now`, earliest first. */
  takeDue(now: number): PendingRequest[] {
    const due: PendingRequest[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const request = this.heap[0]!;
      this.removeFromHeap(request);
      this.byRequester.get(request.requester)?.delete(request.replyWith);
      due.push(request);
    }
    return due;
  }

  /** Remember a timed-out request so a late reply to it can be recorded as late. */
  rememberTimeout(request: PendingRequest): void {
    if (this.timedOut.size >= MAX_REMEMBERED_TIMEOUTS) {
      const oldest = this.timedOut.keys().next().value;
      if (oldest !== undefined) this.timedOut.delete(oldest);
    }
    this.timedOut.set(`${request.requester}\u0000${request.replyWith}`, true);
  }

  /** The requester left the network: its requests can no longer be answered or time out. */
  dropRequester(name: string): void {
    const pending = this.byRequester.get(name);
    if (pending === undefined) return;
    for (const request of pending.values()) this.removeFromHeap(request);
    this.byRequester.delete(name);
  }

  private removeFromHeap(request: PendingRequest): void {
    const i = request.heapIndex;
    const last = this.heap.pop()!;
    request.heapIndex = -1;
    if (last === request) return;
    this.heap[i] = last;
    last.heapIndex = i;
    this.down(i);
    this.up(last.heapIndex);
  }

  private up(i: number): void {
    const heap = this.heap;
    const item = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(item, p)) break;
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = item;
    item.heapIndex = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && before(heap[child + 1]!, heap[child]!)) child++;
      const c = heap[child]!;
      if (!before(c, item)) break;
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = item;
    item.heapIndex = i;
  }
}

function before(a: PendingRequest, b: PendingRequest): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
