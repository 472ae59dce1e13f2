/**
 * Heap under sustained load (issue 11 item 6, issue 10 item 9): the single-thread shell as
 * it comes (default bounded event log, default handling times) with a client node sending
 * 10,000 requests per second of virtual time, round-robin, to JS echo agents (not wasm:
 * the point is the kernel's and the shell's retention, and JS keeps an hour of traffic
 * inside the bench's time budget). heapUsed is sampled at 10 %, 50 % and 100 % of the run,
 * after a full GC when the process runs with --expose-gc; the figure is the end against
 * the 10 % sample of the same run ("flat": ≤ 1.2).
 */
import { createBehaviorAgents, createShell, type Shell } from '../src/kernel/shell';
import type { Figure } from './table';

export interface HeapFlatOptions {
  /** Simulated duration (virtual ms). */
  durationMs: number;
  /** Stop early (and report the shorter simulated duration) past this much wall time. */
  wallBudgetMs: number;
  ratePerSecond?: number;
  echoes?: number;
}

export interface HeapSample {
  atPercent: number;
  virtualMs: number;
  heapUsedBytes: number;
}

export interface HeapFlatFigures {
  samples: HeapSample[];
  /** heapUsed at the end / at 10 %. */
  ratio: number;
  simulatedMs: number;
  messagesSent: number;
  repliesReceived: number;
  wallMs: number;
  retainedEvents: number;
  eventsDropped: number;
  gcForced: boolean;
}

const CLIENT = 'load';
const STEP_MS = 1;
/** Enough virtual time to fill the default event log (about 5 events a message) and time the pace. */
const CALIBRATION_MS = 3000;
const MIN_PLANNED_MS = 60_000;

export async function measureHeapFlat(options: HeapFlatOptions): Promise<HeapFlatFigures> {
  const rate = options.ratePerSecond ?? 10_000;
  const echoes = options.echoes ?? 10;
  const shell = createLoadedShell(echoes);
  let replies = 0;
  shell.onReply(CLIENT, () => replies++);
  const load = createLoad(shell, rate, echoes);
  const wallStart = performance.now();
  const startMs = shell.now();
  try {
    load.runTo(startMs + CALIBRATION_MS);
    const plannedMs = plan(options, (performance.now() - wallStart) / CALIBRATION_MS);
    const samples: HeapSample[] = [];
    for (const fraction of [0.1, 0.5, 1]) {
      const mark = Math.round(fraction * plannedMs);
      const reached = load.runTo(startMs + mark, () => performance.now() - wallStart > options.wallBudgetMs) - startMs;
      samples.push(sample(reached, plannedMs));
      if (reached < mark) break; // out of wall time: the last sample says how far the run got
    }
    while (samples.length < 3) samples.push(samples[samples.length - 1]!);
    const first = samples[0]!;
    const last = samples[2]!;
    return {
      samples,
      ratio: last.heapUsedBytes / first.heapUsedBytes,
      simulatedMs: last.virtualMs,
      messagesSent: load.sent(),
      repliesReceived: replies,
      wallMs: performance.now() - wallStart,
      retainedEvents: shell.log().length,
      eventsDropped: shell.eventsDropped(),
      gcForced: typeof globalThis.gc === 'function',
    };
  } finally {
    shell.dispose();
  }
}

/** The simulated duration: as asked, or the whole minutes that fit the wall budget at the calibrated pace. */
function plan(options: HeapFlatOptions, wallPerVirtualMs: number): number {
  const fits = (0.9 * options.wallBudgetMs) / wallPerVirtualMs;
  if (fits >= options.durationMs) return options.durationMs;
  return Math.max(MIN_PLANNED_MS, Math.floor(fits / 60_000) * 60_000);
}

/** The client's steady load: `rate` requests per virtual second, spread over 1 ms steps, round-robin over the echoes. */
function createLoad(shell: Shell, rate: number, echoes: number) {
  const perStep = (rate * STEP_MS) / 1000;
  let sent = 0;
  let credit = 0;
  const step = (t: number): void => {
    for (credit += perStep; credit >= 1; credit--) {
      const result = shell.send({ performative: 'request', receiver: `echo-${sent % echoes}`, content: { n: sent } }, CLIENT);
      if (!result.ok) throw new Error(`the kernel refused a load message: ${result.error}`);
      sent++;
    }
    shell.runDue(t);
  };
  return {
    sent: () => sent,
    /** Runs to virtual time `until` (or until `stop()`), returning the time reached. */
    runTo(until: number, stop: () => boolean = () => false): number {
      let t = shell.now();
      while (t + STEP_MS <= until) {
        step((t += STEP_MS));
        if (t % 1000 === 0 && stop()) break;
      }
      return t;
    },
  };
}

/** The default shell (no eventLogCapacity), a client node and `echoes` JS echo agents linked to it. */
function createLoadedShell(echoes: number): Shell {
  const behaviors = createBehaviorAgents({
    echo: (message, ctx) => ctx.reply(message, { performative: 'inform', content: message.content }),
  });
  // maxSteps is the runaway guard, not retention: an hour at 10k msgs/s is far past its 10M default.
  const shell = createShell({ agents: behaviors.factory, seed: 1, maxSteps: Infinity });
  const must = (error: unknown) => {
    if (error) throw new Error(`heap bench setup failed: ${JSON.stringify(error)}`);
  };
  must(shell.command({ type: 'client.create', name: CLIENT }).error);
  for (let i = 0; i < echoes; i++) {
    must(shell.command({ type: 'agent.deploy', spec: { name: `echo-${i}`, kind: 'echo' } }).error);
    must(shell.command({ type: 'link.add', a: CLIENT, b: `echo-${i}` }).error);
  }
  shell.runDue(shell.now() + 100); // spawns
  return shell;
}

function sample(virtualMs: number, durationMs: number): HeapSample {
  globalThis.gc?.();
  return { atPercent: Math.round((virtualMs / durationMs) * 100), virtualMs, heapUsedBytes: process.memoryUsage().heapUsed };
}

const mb = (bytes: number): number => bytes / (1024 * 1024);

/** The table row: heap at the end against the 10 % sample of the same run. */
export function heapFlatFigure(heap: HeapFlatFigures): Figure {
  const minutes = heap.simulatedMs / 60_000;
  const duration = minutes >= 1 ? `${Number(minutes.toFixed(1))} min` : `${heap.simulatedMs / 1000} s`;
  return {
    name: 'heap after sustained 10k msgs/s (shell, default event log, JS echo)',
    note: `${duration} simulated`,
    value: mb(heap.samples[2]!.heapUsedBytes),
    unit: 'MB',
    baseline: { name: 'heap at 10 % of the run', value: mb(heap.samples[0]!.heapUsedBytes) },
    target: { maxRatio: 1.2 },
    better: 'lower',
  };
}

/** The details the row has no room for: samples, the log's retention and whether GC was forced. */
export function describeHeapFlat(heap: HeapFlatFigures): string {
  const samples = heap.samples.map((s) => `${s.atPercent} % (${s.virtualMs / 1000} s): ${mb(s.heapUsedBytes).toFixed(1)} MB`).join(', ');
  return [
    `Heap under load: ${heap.messagesSent.toLocaleString('en')} messages sent, ${heap.repliesReceived.toLocaleString('en')} replies, ` +
      `${(heap.simulatedMs / 1000).toFixed(0)} s simulated in ${(heap.wallMs / 1000).toFixed(1)} s wall.`,
    `  heapUsed ${heap.gcForced ? 'after global.gc()' : 'without a forced GC (run with --expose-gc for steadier samples)'}: ${samples}; end / 10 % = ${heap.ratio.toFixed(3)}.`,
    `  Kernel event log: ${heap.retainedEvents.toLocaleString('en')} retained, ${heap.eventsDropped.toLocaleString('en')} dropped.`,
  ].join('\n');
}
