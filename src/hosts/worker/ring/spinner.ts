/**
 * Waiting for an answer by polling instead of sleeping, briefly and only while it pays.
 *
 * On these machines (2-core VMs) a thread that goes back to its event loop with nothing to do
 * is descheduled, and waking it costs the sender 11-27 µs per crossing: more than a round
 * trip's own work (docs/data-path.md). A thread that has just sent work and expects the answer
 * within microseconds (the host after posting deliveries, a worker after posting its answer)
 * waits for it on the ring instead: it polls for up to `spinUs`, then blocks on a futex
 * (`Atomics.wait` on the thread's signal word, which every sender to this thread bumps and
 * notifies) for up to `waitUs`. Polling avoids the wake-up entirely (a round trip of a bare
 * relay: 0.2 µs against 24 µs through the futex and 37 µs through postMessage, scratch
 * measurements on this VM); the futex still skips the event loop and the port, and gives the
 * core away. Guards keep that from costing throughput, CPU or fairness:
 * - it waits only when the thread is idle: the spin runs after one turn of the event loop
 *   (setImmediate, or a message to itself in a browser), and is dropped when that turn took
 *   longer than `busyUs` (timers, a load driver, other messages had work for this thread, which
 *   blocking would stall: an open-loop driver at 40k requests/s lost half its capacity);
 * - it backs off: after two spins that found nothing it skips the next 1, 2, 4 … 1024 chances
 *   (one that finds something resets it), so sparse traffic spins almost never;
 * - the poll shrinks (halves, down to none) each time the answer came only once blocked, and
 *   stops for 256 spins when it finds itself descheduled (two readings of the clock far
 *   apart): with more runnable threads than cores, a polling thread keeps the one it waits
 *   for off the core. Every 64th spin polls in full to see if that changed.
 */
export interface SpinTarget {
  /** Whether the answer (any record) has arrived. */
  hasInbound(): boolean;
  /** The spin is over: go to sleep (the peer rings from now on) and take what arrived. */
  settle(): void;
}

export interface SpinnerOptions {
  spinUs?: number;
  waitUs?: number;
  busyUs?: number;
  /** This thread's signal word (Int32 [0]); default a new one. A worker uses the one its host made. */
  signal?: SharedArrayBuffer;
  now?: () => number;
  /** Runs the spin after a turn of the event loop (default setImmediate, or a MessageChannel). */
  yieldThen?: (fn: () => void) => void;
}

/** Poll longer than a round trip's work at the other end (15-40 µs)... */
export const DEFAULT_SPIN_US = 100;
/** ...then block: an answer later than this is not one the sender is waiting on. */
export const DEFAULT_WAIT_US = 250;
/** A loop turn longer than this ran someone else's work: the thread is not idle. */
export const DEFAULT_BUSY_US = 10;
const MAX_SKIP = 1024;
const PROBE_EVERY = 64;
/** Below this a poll is not worth starting. */
const MIN_POLL_MS = 0.002;
/** A gap this long between two readings of the clock in a poll: this thread was descheduled. */
const PREEMPTED_MS = 0.05;
const PREEMPTED_COOLDOWN = 256;

export interface SpinStats {
  spins: number;
  found: number;
  /** Chances skipped by the back-off. */
  skipped: number;
  /** Spins dropped because the loop turn before them was busy. */
  busy: number;
  /** Spins that blocked on the futex, and the time spent in spins in all (ms). */
  waits: number;
  spinMs: number;
  /** Polls cut short because the thread was descheduled. */
  preempted: number;
}

export class Spinner {
  private armed: SpinTarget[] = [];
  private armedAt = 0;
  private queued = false;
  private misses = 0;
  private nextSkip = 1;
  private skip = 0;
  private cooldown = 0;
  private readonly spinMs: number;
  private pollMs: number;
  private readonly waitMs: number;
  private readonly busyMs: number;
  readonly signalBuffer: SharedArrayBuffer;
  private readonly signal: Int32Array;
  private readonly now: () => number;
  private readonly yieldThen: (fn: () => void) => void;
  readonly stats: SpinStats = { spins: 0, found: 0, skipped: 0, busy: 0, waits: 0, spinMs: 0, preempted: 0 };

  constructor(options: SpinnerOptions = {}) {
    this.spinMs = (options.spinUs ?? DEFAULT_SPIN_US) / 1000;
    this.pollMs = this.spinMs;
    this.signalBuffer = options.signal ?? new SharedArrayBuffer(4);
    this.signal = new Int32Array(this.signalBuffer, 0, 1);
    this.waitMs = blockingAllowed(this.signal) ? (options.waitUs ?? DEFAULT_WAIT_US) / 1000 : 0;
    this.busyMs = (options.busyUs ?? DEFAULT_BUSY_US) / 1000;
    this.now = options.now ?? (() => performance.now());
    this.yieldThen = options.yieldThen ?? afterLoopTurn();
  }

  /** How long the next spin polls before it blocks (µs; shrinks when polling did not pay). */
  get pollUs(): number {
    return this.pollMs * 1000;
  }

  /** Whether to wait for `target`'s answer; if so it is armed (and settled after the spin). */
  arm(target: SpinTarget): boolean {
    if (this.spinMs + this.waitMs <= 0) return false;
    if (this.skip > 0) {
      this.skip--;
      this.stats.skipped++;
      return false;
    }
    if (!this.armed.includes(target)) this.armed.push(target);
    if (!this.queued) {
      this.queued = true;
      this.armedAt = this.now();
      this.yieldThen(this.spin);
    }
    return true;
  }

  private readonly spin = (): void => {
    this.queued = false;
    const targets = this.armed;
    this.armed = [];
    const start = this.now();
    if (start - this.armedAt > this.busyMs) this.stats.busy++;
    else this.waitForAnswer(targets, start);
    for (const t of targets) t.settle();
  };

  private waitForAnswer(targets: readonly SpinTarget[], start: number): void {
    const probe = this.cooldown > 0 ? (this.cooldown--, false) : this.stats.spins % PROBE_EVERY === 0;
    let pollUntil = start + (probe ? this.spinMs : this.pollMs);
    const waitUntil = start + this.spinMs + this.waitMs;
    let last = start;
    let found = false;
    let blocked = false;
    for (;;) {
      // Read before looking: a send after this read changes it, so the wait below returns at once.
      const seen = Atomics.load(this.signal, 0);
      if ((found = anyInbound(targets))) break;
      const now = this.now();
      if (last < pollUntil && now - last > PREEMPTED_MS) {
        pollUntil = now;
        this.pollMs = 0;
        this.cooldown = PREEMPTED_COOLDOWN;
        this.stats.preempted++;
      }
      last = now;
      if (now < pollUntil) continue;
      if (now >= waitUntil) break;
      blocked = true;
      this.stats.waits++;
      Atomics.wait(this.signal, 0, seen, waitUntil - now);
    }
    this.stats.spinMs += this.now() - start;
    this.stats.spins++;
    this.learn(found, blocked);
  }

  private learn(found: boolean, blocked: boolean): void {
    if (found && !blocked && this.cooldown === 0) this.pollMs = this.spinMs;
    else if (found) this.pollMs = this.pollMs / 2 < MIN_POLL_MS ? 0 : this.pollMs / 2;
    if (found) {
      this.stats.found++;
      this.misses = 0;
      this.nextSkip = 1;
    } else if (++this.misses >= 2) {
      this.misses = 0;
      this.skip = this.nextSkip;
      this.nextSkip = Math.min(MAX_SKIP, this.nextSkip * 2);
    }
  }
}

/** After the event loop's pending work: setImmediate in Node, a message to itself elsewhere (timers are clamped). */
function afterLoopTurn(): (fn: () => void) => void {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return (fn) => void immediate(fn);
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
}

/** Atomics.wait throws on a browser's main thread (and wherever blocking is forbidden). */
function blockingAllowed(signal: Int32Array): boolean {
  try {
    Atomics.wait(signal, 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** A sender's side: `signal` is the receiving thread's word; wakes it if it waits. */
export function signalThread(signal: Int32Array): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0, 1);
}

function anyInbound(targets: readonly SpinTarget[]): boolean {
  for (const t of targets) if (t.hasInbound()) return true;
  return false;
}

let shared: Spinner | undefined;

/** The one spinner of this thread (every ring endpoint in a thread waits together). */
export function threadSpinner(): Spinner {
  shared ??= new Spinner();
  return shared;
}
