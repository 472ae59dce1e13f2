/**
 * Waiting for an answer by polling instead of sleeping, briefly and only while it pays.
 *
 * On these machines (2-core VMs) a thread that goes back to its event loop with nothing to do
 * is descheduled, and waking it costs the sender 11-27 µs per crossing: more than a round
 * trip's own work (docs/data-path.md). A thread that has just sent work and expects the answer
 * within microseconds (the host after posting deliveries, a worker after posting its answer)
 * polls the ring for up to `spinUs` instead, then blocks on a futex (`Atomics.wait` on the
 * thread's signal word, which every sender to this thread bumps and notifies) for up to
 * `waitUs`: polling avoids the wake-up entirely (a round trip of a bare relay: 0.2 µs against
 * 24 µs through the futex and 37 µs through postMessage, scratch measurements on this VM); the
 * futex still skips the event loop and the port, and yields the core when other threads need
 * it (two threads polling on one free core starve each other). Three guards keep that from
 * costing CPU or fairness:
 * - it backs off: after spins that found nothing it skips the next 2, 4, … 1024 chances (one
 *   that finds something resets it), so sparse traffic spins almost never;
 * - the poll is short, and it shrinks (halves, down to none) each time the answer came only
 *   once blocked: when the two threads share one free core (the machine is loaded), polling
 *   just keeps the other thread off it; every 64th spin polls in full again to find out;
 * - the futex wait gives the core away;
 * - a poll that finds itself descheduled (two readings of the clock far apart) means the
 *   machine has more runnable threads than cores: polling stops until 256 spins later;
 * - a chain of spins runs in microtasks, which starve the thread's event loop (timers, other
 *   messages), so after `chainMs` without a turn of the loop the next spin waits for one
 *   (setImmediate, or a message to itself in a browser): the receiver stays awake meanwhile,
 *   so nobody has to ring it.
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
  chainMs?: number;
  /** This thread's signal word (Int32 [0]); default a new one. A worker uses the one its host made. */
  signal?: SharedArrayBuffer;
  now?: () => number;
  /** Runs a spin after the current task (default queueMicrotask). */
  defer?: (fn: () => void) => void;
  /** Runs a spin after a turn of the event loop (default setImmediate, or a MessageChannel). */
  yieldThen?: (fn: () => void) => void;
}

/** Poll about as long as a round trip's work at either end (15-25 µs)... */
export const DEFAULT_SPIN_US = 30;
/** ...then block: an answer later than this is not one the sender is waiting on. */
export const DEFAULT_WAIT_US = 250;
export const DEFAULT_CHAIN_MS = 1;
const MAX_SKIP = 1024;
const PROBE_EVERY = 64;
/** A gap this long between two readings of the clock in a poll: this thread was descheduled. */
const PREEMPTED_MS = 0.05;
const PREEMPTED_COOLDOWN = 256;
/** Below this a poll is not worth starting. */
const MIN_POLL_MS = 0.002;

export interface SpinStats {
  spins: number;
  found: number;
  skipped: number;
  /** Spins that blocked on the futex, and the time spent in spins in all (ms). */
  waits: number;
  spinMs: number;
  /** Spins that waited for a turn of the event loop first (the chain had run chainMs). */
  chainBreaks: number;
  /** Polls cut short because the thread was descheduled. */
  preempted: number;
}

export class Spinner {
  private armed: SpinTarget[] = [];
  private queued = false;
  private misses = 0;
  private nextSkip = 1;
  private skip = 0;
  private lastLoopTurn: number;
  private readonly spinMs: number;
  private pollMs: number;
  private readonly waitMs: number;
  private readonly chainMs: number;
  readonly signalBuffer: SharedArrayBuffer;
  private readonly signal: Int32Array;
  private readonly canWait: boolean;
  private readonly now: () => number;
  private readonly defer: (fn: () => void) => void;
  private readonly yieldThen: (fn: () => void) => void;
  private cooldown = 0;
  readonly stats: SpinStats = { spins: 0, found: 0, skipped: 0, waits: 0, spinMs: 0, chainBreaks: 0, preempted: 0 };

  constructor(options: SpinnerOptions = {}) {
    this.spinMs = (options.spinUs ?? DEFAULT_SPIN_US) / 1000;
    this.pollMs = this.spinMs;
    this.signalBuffer = options.signal ?? new SharedArrayBuffer(4);
    this.signal = new Int32Array(this.signalBuffer, 0, 1);
    this.canWait = blockingAllowed(this.signal);
    this.waitMs = this.canWait ? (options.waitUs ?? DEFAULT_WAIT_US) / 1000 : 0;
    this.chainMs = options.chainMs ?? DEFAULT_CHAIN_MS;
    this.now = options.now ?? (() => performance.now());
    this.defer = options.defer ?? ((fn) => queueMicrotask(fn));
    this.yieldThen = options.yieldThen ?? afterLoopTurn();
    this.lastLoopTurn = this.now();
  }

  /** How long the next spin polls before it blocks (µs; shrinks when polling did not pay). */
  get pollUs(): number {
    return this.pollMs * 1000;
  }

  /** The event loop handed this thread a message: a new chain may start. */
  turned(): void {
    this.lastLoopTurn = this.now();
  }

  /** Whether to spin for `target`'s answer; if so it is armed (settled after the spin). */
  arm(target: SpinTarget): boolean {
    if (this.spinMs + this.waitMs <= 0) return false;
    if (this.skip > 0) {
      this.skip--;
      this.stats.skipped++;
      return false;
    }
    if (!this.armed.includes(target)) this.armed.push(target);
    if (this.queued) return true;
    this.queued = true;
    if (this.now() - this.lastLoopTurn <= this.chainMs) {
      this.defer(this.spin);
    } else {
      this.stats.chainBreaks++;
      this.yieldThen(this.spinAfterTurn);
    }
    return true;
  }

  private readonly spinAfterTurn = (): void => {
    this.turned();
    this.spin();
  };

  private readonly spin = (): void => {
    this.queued = false;
    const targets = this.armed;
    this.armed = [];
    const start = this.now();
    const probe = this.cooldown > 0 ? (this.cooldown--, false) : this.stats.spins % PROBE_EVERY === 0;
    let pollUntil = start + (probe ? this.spinMs : this.pollMs);
    let last = start;
    const waitUntil = start + this.spinMs + this.waitMs;
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
    for (const t of targets) t.settle();
  };
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
