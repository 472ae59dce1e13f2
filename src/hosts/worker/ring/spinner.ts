/**
 * Waiting for an answer by polling instead of sleeping, briefly and only while it pays.
 *
 * On these machines (2-core VMs) a thread that goes back to its event loop with nothing to do
 * is descheduled, and waking it costs the sender 11-27 µs per crossing: more than a round
 * trip's own work (docs/data-path.md). A thread that has just sent work and expects the answer
 * within microseconds (the host after posting deliveries, a worker after posting its answer)
 * waits for it on the ring instead: it polls for up to `spinUs`, then blocks on a futex
 * (`Atomics.wait` on the thread's signal counter, which every sender to this thread bumps, and
 * notifies while the thread blocks) for up to `waitUs`. Polling avoids the wake-up entirely
 * (a round trip of a bare relay: 0.2 µs against 24 µs through the futex and 37 µs through
 * postMessage, scratch measurements on this VM); the futex still skips the event loop and the
 * port, and gives the core away. Guards keep that from costing throughput, CPU or fairness:
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
  /** This thread's signal words (see createSignalBuffer); default new ones. A worker uses the ones its host made. */
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
/**
 * Polls of the ring between two readings of the clock. Each reading allocates (performance.now()
 * returns a boxed number): a poll that read it every time filled the young generation of its
 * thread: 100-200 scavenges per second of polling in Node 20, against 5 with one reading per
 * 128 polls (scratch measurement), and every scavenge on the kernel's thread stalls the
 * requests behind it. 64 looks at an empty ring take ~1.2 µs (one thread, scratch measurement),
 * far below the preemption guard's 50 µs.
 */
const POLLS_PER_READING = 64;

/** The signal words of a thread: a counter every sender bumps, and whether the thread blocks on it. */
const COUNT = 0;
const BLOCKED = 1;
const SIGNAL_BYTES = 8;

/** A thread's signal words, shared with every thread that sends to it (see signalThread). */
export function createSignalBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SIGNAL_BYTES);
}

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
    this.signalBuffer = options.signal ?? createSignalBuffer();
    this.signal = signalWords(this.signalBuffer);
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
      if ((found = pollFor(targets))) break;
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
      this.block(targets, waitUntil - now);
    }
    this.stats.spinMs += this.now() - start;
    this.stats.spins++;
    this.learn(found, blocked);
  }

  /**
   * Blocks until a sender bumps the counter or `ms` pass. Senders notify only while BLOCKED is
   * set (a notify costs them a lock in V8, most of the time for a thread that is polling): the
   * flag is set before the counter is read and the ring looked at, and a sender bumps the
   * counter before it reads the flag, so a sender that saw no flag bumped a counter this wait
   * has read, or wrote a record that the look finds.
   */
  private block(targets: readonly SpinTarget[], ms: number): void {
    Atomics.store(this.signal, BLOCKED, 1);
    const seen = Atomics.load(this.signal, COUNT);
    if (!anyInbound(targets)) Atomics.wait(this.signal, COUNT, seen, ms);
    Atomics.store(this.signal, BLOCKED, 0);
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
    Atomics.wait(signal, COUNT, Atomics.load(signal, COUNT) + 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** A view of a thread's signal words (from createSignalBuffer). */
export function signalWords(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, 0, SIGNAL_BYTES / Int32Array.BYTES_PER_ELEMENT);
}

/** Whether the thread of these signal words (signalWords) says it blocks on them. */
export function threadBlocks(signal: Int32Array): boolean {
  return Atomics.load(signal, BLOCKED) !== 0;
}

/** A sender's side: `signal` is the receiving thread's words (signalWords); wakes it if it blocks. */
export function signalThread(signal: Int32Array): void {
  Atomics.add(signal, COUNT, 1);
  if (threadBlocks(signal)) Atomics.notify(signal, COUNT, 1);
}

function anyInbound(targets: readonly SpinTarget[]): boolean {
  for (const t of targets) if (t.hasInbound()) return true;
  return false;
}

/** Up to POLLS_PER_READING looks at the targets, without reading the clock. */
function pollFor(targets: readonly SpinTarget[]): boolean {
  for (let i = 0; i < POLLS_PER_READING; i++) if (anyInbound(targets)) return true;
  return false;
}

let shared: Spinner | undefined;

/** The one spinner of this thread (every ring endpoint in a thread waits together). */
export function threadSpinner(): Spinner {
  shared ??= new Spinner();
  return shared;
}
