import type { Metrics } from './metrics';
import type { EventBody, KernelEvent } from '../types';

/** Events the kernel keeps for reading back unless told otherwise (`eventLogCapacity`). */
export const DEFAULT_EVENT_LOG_CAPACITY = 100_000;

export type EventListener = (event: KernelEvent) => void;

/**
 * Where the kernel appends facts. Stamps each event with its sequence number and the
 * step's time, feeds it to the metrics reducer (every derived figure is a function of the
 * log), hands it to the step's sink and to every subscriber, and keeps the newest
 * `capacity` of them for reading back: older ones are dropped and counted, so a long run
 * stays bounded while subscribers still see the whole stream.
 */
export class EventLog {
  private seq = 0;
  private time = 0;
  private events: KernelEvent[] = [];
  private readonly kept: KernelEvent[] = [];
  /** Index of the oldest kept event once the ring is full. */
  private head = 0;
  private listeners: EventListener[] = [];
  /** Events no longer kept (the oldest first went). */
  dropped = 0;

  constructor(
    private readonly metrics: Metrics,
    readonly capacity: number = DEFAULT_EVENT_LOG_CAPACITY,
  ) {
    if (!(capacity >= 0)) throw new RangeError(`eventLogCapacity must be ≥ 0 (or Infinity), got ${capacity}`);
  }

  /** The next event's sequence number. */
  get nextSeq(): number {
    return this.seq;
  }

  /** Starts a step: events go to `sink` (a fresh array, or the shell's own batch). */
  begin(time: number, sink: KernelEvent[]): void {
    this.time = time;
    this.events = sink;
  }

  /**
   * Appends an event. Hot call sites pass `seq: 0, t: 0` in the literal so stamping
   * overwrites fields instead of adding them (adding would allocate a property store).
   */
  emit(body: EventBody & { seq?: number; t?: number }): void {
    // Stamping in place (no spread): every event of a type gets the same shape.
    const event = body as KernelEvent;
    event.seq = this.seq++;
    event.t = this.time;
    this.events.push(event);
    this.metrics.apply(event);
    this.keep(event);
    if (this.listeners.length > 0) for (const listener of this.listeners) listener(event);
  }

  /** Every event from now on, whether kept or not. Returns the disposer. */
  subscribe(listener: EventListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** The kept events, oldest first. */
  retained(): KernelEvent[] {
    return [...this.kept.slice(this.head), ...this.kept.slice(0, this.head)];
  }

  private keep(event: KernelEvent): void {
    const kept = this.kept;
    if (kept.length < this.capacity) {
      kept.push(event);
      return;
    }
    this.dropped++;
    if (kept.length === 0) return; // capacity 0: nothing kept
    kept[this.head] = event;
    this.head = this.head + 1 === kept.length ? 0 : this.head + 1;
  }
}
