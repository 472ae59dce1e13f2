/**
 * Request/response through the Node workbench (kernel on this thread, wasm echo in an agent
 * worker): one in flight, 64 in flight, and latency under open-loop load. Baseline for one
 * in flight: a raw relay with the same thread crossings (main → worker → main) carrying a
 * string as long as the request the kernel delivers.
 */
import { Worker } from 'node:worker_threads';
import { createNodeWorkbench, type NodeWorkbench } from '../src/hosts/node/createNodeWorkbench';
import type { KernelEvent } from '../src/kernel';

const ECHO = 'bench-echo';
const REQUEST = { performative: 'request', receiver: ECHO, content: { text: 'hello', n: 1 } } as const;
const TIMEOUT_MS = 5000;

export interface RequestBench {
  /** The JSON text of the request as the kernel delivers it (id, sender, reply_with, …). */
  requestText: string;
  ask(): Promise<void>;
  dispose(): Promise<void>;
}

/** `ring: false`: the same workbench with posts only between the threads (the ring channel's baseline). */
export async function openRequestBench(options: { ring?: boolean } = {}): Promise<RequestBench> {
  const wb: NodeWorkbench = await createNodeWorkbench({ kinds: ['echo'], workers: 1, ...options });
  // A deep mailbox: under open-loop load a backlog should show as latency, not as refusals.
  await wb.command({ type: 'agent.deploy', spec: { name: ECHO, kind: 'echo', limits: { mailboxCapacity: 1_000_000 } } });
  let requestText = '';
  const unsubscribe = await wb.subscribe((events: KernelEvent[]) => {
    for (const e of events) if (e.type === 'message.sent' && e.message.receiver === ECHO) requestText ||= JSON.stringify(e.message);
  });
  const ask = async () => {
    const reply = await wb.request(REQUEST, TIMEOUT_MS);
    if (reply.performative !== 'inform') throw new Error(`echo answered ${reply.performative}`);
  };
  for (let i = 0; i < 500; i++) await ask();
  unsubscribe();
  return { requestText, ask, dispose: () => wb.dispose() };
}

/** Round trips/s with `concurrency` requests kept in flight for `durationMs`. */
export async function measureRoundTrips(ask: () => Promise<void>, durationMs: number, concurrency = 1): Promise<number> {
  let n = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - start < durationMs) {
        await ask();
        n++;
      }
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

export interface RawRelay {
  ask(): Promise<void>;
  dispose(): Promise<number>;
}

/**
 * main → worker → main, one string each way: what a request/reply costs with no kernel or
 * agent. With `workUs`, each end first spins that long per message (the worker before it
 * answers, this thread before it settles the ask): a relay doing as much work per crossing
 * as a real system, which shows what the crossings alone cost once the threads have work to
 * do (a thread that worked between messages is asleep when the next one comes, and waking
 * it costs the sender more than waking one that just answered).
 */
export function openRawRelay(text: string, workUs = 0): RawRelay {
  const worker = new Worker(
    `const { parentPort, workerData: us } = require('node:worker_threads');
     parentPort.on('message', (m) => {
       for (const end = performance.now() + us / 1000; performance.now() < end; );
       parentPort.postMessage(m);
     });`,
    { eval: true, workerData: workUs },
  );
  // The worker answers in order: one listener settles the oldest waiting ask (any number in flight).
  const waiting: (() => void)[] = [];
  worker.on('message', () => {
    for (const end = performance.now() + workUs / 1000; performance.now() < end;);
    waiting.shift()?.();
  });
  const ask = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      worker.postMessage(text);
    });
  return { ask, dispose: () => worker.terminate() };
}

export interface OpenLoopLatency {
  ratePerSecond: number;
  sent: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  /** Replies per second from the first request due to the last reply: below `ratePerSecond`, a queue grew. */
  completedPerSecond: number;
}

/**
 * A full collection on this thread when the bench runs with --expose-gc (npm run bench does):
 * what start-up and the phases measured before left in the old generation would otherwise be
 * collected by a mark-compact inside the next measurement window.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const percentile = (sorted: ArrayLike<number>, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/**
 * Requests at a fixed rate by the clock for `warmUpMs` and then `durationMs`, whether earlier
 * ones have been answered or not; each latency counts from the moment the request was due,
 * not from when it was actually sent, so a stalled sender shows up in the figure (no
 * coordinated omission). Only the requests due after the warm-up count. The warm-up is the
 * same loop, not a run before it: a second loop brings new closures (the driver's), and the
 * code the JIT specialised for the first one's is thrown away inside the measurement
 * (docs/data-path.md, "Where the p99 goes").
 */
export async function measureOpenLoop(
  ask: () => Promise<void>,
  ratePerSecond: number,
  durationMs: number,
  warmUpMs = 0,
): Promise<OpenLoopLatency> {
  const warmUp = Math.round((ratePerSecond * warmUpMs) / 1000);
  const total = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const all = warmUp + total;
  // Preallocated, and no promise kept per request: a driver that holds every request until the
  // end makes each one survive into the old generation, and the collections that copies them
  // run on the thread under test (they set the p99, not the system). The warm-up's latencies
  // are written too: a path first taken when the measurement starts would send the JIT back
  // to work inside it.
  const latencies = new Float64Array(all);
  let answered = 0;
  let failed = 0;
  let allAnswered: () => void = () => {};
  let driverFailed: (error: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    allAnswered = resolve;
    driverFailed = reject;
  });
  const settle = (due: number, index: number) => {
    latencies[index] = performance.now() - due;
    if (++answered === all) allAnswered();
  };
  const start = performance.now();
  let next = 0;
  // The driver polls the clock once per turn of the event loop, several turns per request at
  // these rates: one callback for all of them, not a promise and a closure per turn (the
  // driver's garbage is collected on the thread under test).
  const turn = () => {
    const now = performance.now();
    try {
      while (next < all && start + (next * 1000) / ratePerSecond <= now) {
        const due = start + (next * 1000) / ratePerSecond;
        const index = next;
        // A failed request (a timeout) counts with the time it took to fail.
        ask().then(
          () => settle(due, index),
          () => {
            if (index >= warmUp) failed++;
            settle(due, index);
          },
        );
        next++;
      }
    } catch (error) {
      // An ask that throws instead of rejecting ends the measurement (outside a promise it would end the process).
      driverFailed(error);
      return;
    }
    if (next < all) setImmediate(turn);
  };
  turn();
  await done;
  const measuredFrom = start + (warmUp * 1000) / ratePerSecond;
  const completedPerSecond = total / ((performance.now() - measuredFrom) / 1000);
  const measured = latencies.subarray(warmUp).sort();
  return {
    ratePerSecond,
    sent: total,
    failed,
    p50Ms: percentile(measured, 50),
    p99Ms: percentile(measured, 99),
    completedPerSecond,
  };
}
