import type { Metrics } from './metrics';
import type { EventBody, KernelEvent } from './types';

/**
 * Where the kernel appends facts. Stamps each event with its sequence number and the
 * step's time and feeds it to the metrics reducer as it is appended, so
 * every derived figure is a function of the log. The kernel keeps no history itself: the
 * shell owns the log.
 */
export class EventLog {
  private seq = 0;
  private time = 0;
  private events: KernelEvent[] = [];


  constructor(private readonly metrics: Metrics) {}

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
  }


}
