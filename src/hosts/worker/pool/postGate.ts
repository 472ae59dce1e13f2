/**
 * When a worker's batch is posted (Nagle's algorithm, per worker). A post costs tens of
 * microseconds however little it carries, so while a batch of deliveries is out and the
 * worker has not answered yet, new effects wait and go together: as soon as the worker's
 * answer arrives (before the kernel takes it in, so the worker works on them meanwhile) or at
 * the hold deadline, whichever comes first. With nothing outstanding a batch goes at once, so
 * one request in flight waits for nothing. Measured (bench, Node, 2 cores): requests arriving
 * one by one at 20k/s no longer each pay a post (without the gate the queue grew to p50 0.8 s;
 * with it p99 3–14 ms), and 64 in flight rose from ~30k to 36–65k round trips/s. Order is
 * never at stake: everything goes through the one writer, in order.
 */
export interface GateTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The longest new effects wait for an outstanding batch's answer. */
export const DEFAULT_HOLD_MS = 2;

export class PostGate {
  private outstanding = false;
  /** Effects are written and wait for the answer or the deadline. */
  private holding = false;
  /**
   * The armed deadline, left running when a held batch goes with an answer: under load a batch
   * is held per round trip, and a timer set and cleared for each cost ~1 % of the kernel's
   * thread and ~60 bytes per request (docs/data-path.md). A deadline armed for an earlier hold
   * fires at most `holdMs` after that hold began, so a later batch waits less, never more.
   */
  private deadline: unknown;

  constructor(
    /** Posts what is written now; returns whether the batch expects an answer (it held deliveries or spawns). */
    private readonly post: () => boolean,
    private readonly timers: GateTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as never) },
    private readonly holdMs = DEFAULT_HOLD_MS,
  ) {}

  /** Effects were written: post them, unless an answer is awaited (then they wait for it or the deadline). */
  written(): void {
    if (!this.outstanding) return this.postNow();
    this.holding = true;
    if (this.deadline === undefined) this.deadline = this.timers.setTimeout(this.onDeadline, this.holdMs);
  }

  /** Post now whatever the state (something must follow on the wire in order: a kind, a terminate). */
  force(): void {
    this.postNow();
  }

  /** The worker answered: what waited goes now. */
  answered(): void {
    this.outstanding = false;
    if (this.holding) this.postNow();
  }

  dispose(): void {
    if (this.deadline !== undefined) this.timers.clearTimeout(this.deadline);
    this.deadline = undefined;
    this.holding = false;
  }

  private readonly onDeadline = (): void => {
    this.deadline = undefined;
    if (this.holding) this.postNow();
  };

  private postNow(): void {
    this.holding = false;
    if (this.post()) this.outstanding = true;
  }
}
