/**
 * The bench's figures, in groups that run one after another. Each group measures its
 * subject next to a baseline in the same run, interleaved where noise could favour one.
 * `label` is what `--only` matches (every figure name of the group contains it).
 */
import { measureDispatch } from '../src/hosts/node/measure';
import { measureInBrowser } from './browser';
import { measureComlinkPerCall } from './comlinkBaseline';
import { measureContractCheck } from './contractCheck';
import { describeHeapFlat, heapFlatFigure, measureHeapFlat } from './heapFlat';
import { measureKernelRouting } from './kernelRouting';
import { measureLocalLatency } from './localLatency';
import { measureInProcessOneWay, measureRoutedOneWay } from './oneWay';
import { measureSimulatedLoad } from './simulatedLoad';
import { collectGarbage, measureOpenLoop, measureRoundTrips, openRawRelay, openRequestBench, type OpenLoopLatency } from './requests';
import { cpuPerRoundTrip, openLoopbackBench, openLoopbackRelay } from './loopback';
import type { Figure } from './table';
import { aclMessageText, compareTransports, TRANSPORT_VARIANTS } from './transport';

export interface GroupContext {
  quick: boolean;
  /** Lines printed under the table (details a row has no room for). */
  notes: string[];
}

export interface FigureGroup {
  label: string;
  browser?: boolean;
  run(ctx: GroupContext): Promise<Figure[]>;
}

const mean = (a: number, b: number) => (a + b) / 2;

const kernelRouting: FigureGroup = {
  label: 'kernel routing',
  async run({ quick }) {
    const routing = measureKernelRouting(quick ? 50_000 : 300_000);
    return [
      {
        name: 'kernel routing, in-process, no wasm',
        value: routing.kernelMsgsPerSecond,
        unit: 'msgs/s',
        baseline: { name: 'bare Map+array dispatch', value: routing.bareMsgsPerSecond },
        target: { min: 1_000_000 },
        better: 'higher',
      },
    ];
  },
};

const dispatch: FigureGroup = {
  label: 'agent dispatch',
  async run({ quick }) {
    const d = await measureDispatch({ durationMs: quick ? 500 : 2000 });
    const baseline = { name: 'core module called directly', value: d.direct.perSecond };
    return [
      {
        name: 'agent dispatch, our binding',
        value: d.binding.perSecond,
        unit: 'calls/s',
        baseline,
        target: { ratio: 0.5 },
        better: 'higher',
      },
      { name: "agent dispatch, jco's generated glue", value: d.glue.perSecond, unit: 'calls/s', baseline, better: 'higher' },
    ];
  },
};

const transport: FigureGroup = {
  label: 'transport main→worker',
  async run() {
    const messages = 100_000;
    const variants = TRANSPORT_VARIANTS.filter((v) => v.delivery === 'string' && v.carrier !== 'ring-copy');
    const results = await compareTransports({ messages, repetitions: 3, variants });
    const [strings] = results;
    const names: Record<string, string> = {
      a: 'transport main→worker (a): postMessage, array of strings per batch',
      b: 'transport main→worker (b): one transferable ArrayBuffer per batch',
      c: 'transport main→worker (c): SharedArrayBuffer ring',
    };
    return results.map(({ variant, median }) => ({
      name: names[variant.id] ?? variant.label,
      value: median,
      unit: 'msgs/s',
      ...(variant.id === 'a' ? {} : { baseline: { name: '(a) strings per batch', value: strings!.median } }),
      better: 'higher' as const,
      note: `${messages / 1000}k × ${aclMessageText(0).length} B, decoded to strings`,
    }));
  },
};

/**
 * Per-message work at each end of the working relay: about what the kernel thread (validate,
 * route, log, encode; decode, answer) and the agent worker (decode, wasm echo, encode) spend
 * per round trip here, from CPU profiles of the one-in-flight run.
 */
const WORKING_RELAY_US = 12;

/** Open loop before the latency is measured (see latencyUnderLoad). */
const LATENCY_WARM_UP_MS = 1000;

interface RequestMeasurements {
  requestBytes: number;
  relay: number;
  /** The relay with WORKING_RELAY_US of work at each end per message. */
  workingRelay: number;
  one: number;
  /** One in flight, the same workbench with posts only (no ring channel). */
  onePosts: number;
  comlink: number;
  relay64: number;
  many: number;
  latency: OpenLoopLatency;
  floor: OpenLoopLatency;
  /** CPU µs per round trip with everything on one thread (see bench/loopback.ts), and the two posts alone. */
  oneThreadCpuUs: number;
  oneThreadPostsCpuUs: number;
}

/** Baselines and subjects interleaved: relay, workbench, relay, workbench by posts only, working relay, comlink, relay ×64, workbench ×64, open loop ×2. */
async function measureRequests(quick: boolean): Promise<RequestMeasurements> {
  const durationMs = quick ? 500 : 2000;
  const bench = await openRequestBench();
  const relay = openRawRelay(bench.requestText);
  try {
    // Steady state for both: our path has far more code for the JIT to tier up than the relay's.
    await measureRoundTrips(bench.ask, quick ? 300 : 1000);
    for (let i = 0; i < 200; i++) await relay.ask();
    const relay1 = await measureRoundTrips(relay.ask, durationMs);
    const one = await measureRoundTrips(bench.ask, durationMs);
    const relay2 = await measureRoundTrips(relay.ask, durationMs);
    const onePosts = await measurePostsOnly(durationMs);
    const working = openRawRelay(bench.requestText, WORKING_RELAY_US);
    const workingRelay = await measureRoundTrips(working.ask, durationMs).finally(() => working.dispose());
    const comlink = await measureComlinkPerCall(durationMs);
    const relay64 = await measureRoundTrips(relay.ask, durationMs, 64);
    const many = await measureRoundTrips(bench.ask, durationMs, 64);
    // Latency at half the maximum (the 64-in-flight rate), open loop. The floor: the same driver
    // and schedule against the raw relay (the driver's and the machine's share).
    const latency = await latencyUnderLoad(bench.ask, many / 2, durationMs, quick);
    const floor = await latencyUnderLoad(relay.ask, many / 2, durationMs, quick);
    const { ours: oneThreadCpuUs, posts: oneThreadPostsCpuUs } = await measureOneThreadCpu(bench.requestText.length, quick);
    return {
      requestBytes: bench.requestText.length,
      relay: mean(relay1, relay2),
      workingRelay,
      one,
      onePosts,
      comlink,
      relay64,
      many,
      latency,
      floor,
      oneThreadCpuUs,
      oneThreadPostsCpuUs,
    };
  } finally {
    await relay.dispose();
    await bench.dispose();
  }
}

/**
 * Open-loop latency after a full collection (it pays for its own garbage, not for the phases
 * before) and a warm-up at the same rate, in the same loop. After a mark-compact V8's helper
 * threads stay busy for a while (concurrent sweeping), and the JIT compiles again what the
 * collection threw away (optimised code that held objects of the phases before); on two cores
 * both compete with the threads under test.
 */
async function latencyUnderLoad(
  ask: () => Promise<void>,
  ratePerSecond: number,
  durationMs: number,
  quick: boolean,
): Promise<OpenLoopLatency> {
  collectGarbage();
  return measureOpenLoop(ask, ratePerSecond, durationMs, quick ? 200 : LATENCY_WARM_UP_MS);
}

async function measurePostsOnly(durationMs: number): Promise<number> {
  const posts = await openRequestBench({ ring: false });
  try {
    await measureRoundTrips(posts.ask, durationMs / 2);
    return await measureRoundTrips(posts.ask, durationMs);
  } finally {
    await posts.dispose();
  }
}

async function measureOneThreadCpu(chars: number, quick: boolean): Promise<{ ours: number; posts: number }> {
  const samples = quick ? 3 : 8;
  const loopback = await openLoopbackBench();
  const posts = openLoopbackRelay(chars);
  try {
    return { ours: await cpuPerRoundTrip(loopback.ask, samples, 300), posts: await cpuPerRoundTrip(posts.ask, samples, 300) };
  } finally {
    await posts.dispose();
    await loopback.dispose();
  }
}

function requestFigures(m: RequestMeasurements): Figure[] {
  const relayName = `raw relay main → worker → main, ${m.requestBytes}-char string`;
  const load = `open loop at ${Math.round(m.latency.ratePerSecond)} req/s`;
  const floor = { name: 'same driver, raw relay' };
  return [
    {
      name: 'request/response, one in flight (kernel + pool + wasm echo)',
      value: m.one,
      unit: 'round trips/s',
      baseline: { name: relayName, value: m.relay },
      target: { ratio: 0.8 },
      better: 'higher',
    },
    {
      name: 'request/response, one in flight, vs a relay working as long per crossing (informational)',
      value: m.one,
      unit: 'round trips/s',
      baseline: { name: `the raw relay with ${WORKING_RELAY_US} µs of work at each end`, value: m.workingRelay },
      better: 'higher',
    },
    {
      name: 'request/response, one in flight, all on one thread: CPU per round trip (informational)',
      value: m.oneThreadCpuUs,
      unit: 'µs',
      baseline: { name: `the same two posts of a ${m.requestBytes}-char string on one thread`, value: m.oneThreadPostsCpuUs },
      better: 'lower',
      note: 'the work of both ends without thread wake-ups; the least of several samples',
    },
    {
      name: 'request/response, one in flight, ring channel vs posts only (informational)',
      value: m.one,
      unit: 'round trips/s',
      baseline: { name: 'the same workbench, batches posted (no ring)', value: m.onePosts },
      better: 'higher',
    },
    {
      name: 'request/response, one in flight, vs comlink (informational)',
      value: m.one,
      unit: 'round trips/s',
      baseline: { name: 'comlink, one call per round trip', value: m.comlink },
      better: 'higher',
    },
    {
      name: 'request/response, 64 in flight',
      value: m.many,
      unit: 'round trips/s',
      baseline: { name: `${relayName}, 64 in flight`, value: m.relay64 },
      target: { min: 30_000 },
      better: 'higher',
    },
    {
      name: 'request/response latency p50 at half the maximum throughput',
      value: m.latency.p50Ms,
      unit: 'ms',
      baseline: { ...floor, value: m.floor.p50Ms },
      better: 'lower',
      note: load,
    },
    {
      name: 'request/response latency p99 at half the maximum throughput',
      value: m.latency.p99Ms,
      unit: 'ms',
      baseline: { ...floor, value: m.floor.p99Ms },
      target: { max: 5 },
      better: 'lower',
      note: load,
    },
  ];
}

const requestResponse: FigureGroup = {
  label: 'request/response',
  async run({ quick, notes }) {
    const m = await measureRequests(quick);
    const { latency, floor } = m;
    notes.push(
      `Request/response: requests of ${m.requestBytes} bytes of JSON; open loop at ${Math.round(latency.ratePerSecond)}/s, ` +
        `${latency.sent} requests, ${latency.failed} failed (counted at the time they failed), ` +
        `answered at ${Math.round(latency.completedPerSecond)}/s overall (the raw relay: ${Math.round(floor.completedPerSecond)}/s).`,
    );
    return requestFigures(m);
  },
};

const oneWay: FigureGroup = {
  label: 'one-way routed',
  async run({ quick }) {
    const messages = quick ? 50_000 : 100_000;
    const figures: Figure[] = [];
    // Ceiling before and after each subject (C R1 C R2 C R4 C): its baseline is the mean of the two around it.
    let before = await measureInProcessOneWay(messages);
    for (const workers of [1, 2, 4]) {
      const routed = await measureRoutedOneWay(messages, workers);
      const after = await measureInProcessOneWay(messages);
      const ceiling = mean(before, after);
      before = after;
      figures.push({
        name: `one-way routed (${workers} worker${workers === 1 ? '' : 's'}), 8 wasm echo agents`,
        value: routed,
        unit: 'msgs/s',
        baseline: { name: 'same kernel and agents on one thread', value: ceiling },
        ...(workers === 2 ? { target: { ratio: 0.7 } } : {}),
        better: 'higher',
        note: `${messages / 1000}k informs`,
      });
    }
    const two = figures[1]!;
    figures.push({
      name: 'one-way routed (2 workers) absolute',
      value: two.value,
      unit: 'msgs/s',
      target: { min: 100_000 },
      better: 'higher',
    });
    return figures;
  },
};

const localLatency: FigureGroup = {
  label: 'local routing latency',
  async run({ quick }) {
    const latency = await measureLocalLatency(quick ? 2000 : 10_000);
    const name = (p: string) => `local routing latency ${p} (same thread, wasm echo)`;
    return [
      { name: name('p50'), value: latency.p50Us, unit: 'µs', target: { max: 100 }, better: 'lower' },
      { name: name('p99'), value: latency.p99Us, unit: 'µs', target: { max: 1000 }, better: 'lower' },
    ];
  },
};

const heap: FigureGroup = {
  label: 'heap',
  async run({ quick, notes }) {
    // An hour at 10k msgs/s of virtual time (36M messages) when it fits about 90 s of wall time, else the whole minutes that do.
    const h = await measureHeapFlat(quick ? { durationMs: 40_000, wallBudgetMs: 30_000 } : { durationMs: 3_600_000, wallBudgetMs: 90_000 });
    notes.push(describeHeapFlat(h));
    return [heapFlatFigure(h)];
  },
};

const simulatedLoad: FigureGroup = {
  label: 'simulated load',
  async run({ quick, notes }) {
    const m = await measureSimulatedLoad({ ratePerSecond: 1000, seconds: quick ? 5 : 30 });
    notes.push(
      `Simulated load: ${m.requests} requests at ${m.ratePerSecond}/s of virtual time over ${m.simulatedSeconds} s, wasm echo ×4 in process, ` +
        'latency model on (link 0.2-1 ms, agent lognormal median 0.5 ms); baseline: the same simulation driven by a bare send loop.',
    );
    return [
      {
        name: 'simulated load: simulated seconds per wall second (load runner, 1k req/s)',
        value: m.runner,
        unit: 'sim s/s',
        baseline: { name: 'same simulation, bare send loop', value: m.bare },
        target: { ratio: 0.5 },
        better: 'higher',
      },
    ];
  },
};

const contractCheck: FigureGroup = {
  label: 'contract check',
  async run({ quick, notes }) {
    const m = measureContractCheck(quick ? 200 : 1000);
    const baseline = (value: number) => ({ name: `JSON.stringify of the same content (${m.bytes} B)`, value });
    notes.push(
      'Contract check: an order (3 items, a $ref, a pattern, an enum, closed objects) against its accepts schema with ' +
        '@cfworker/json-schema; the monitor figure checks the sender and the receiver of one message.sent.',
    );
    return [
      {
        name: 'contract check, content that keeps it',
        value: m.kept.subject,
        unit: 'checks/s',
        baseline: baseline(m.kept.baseline),
        better: 'higher',
      },
      {
        name: 'contract check, content that breaks it (3 sentences)',
        value: m.broken.subject,
        unit: 'checks/s',
        baseline: baseline(m.broken.baseline),
        better: 'higher',
      },
      {
        name: 'contract check, monitor per message.sent (sends + accepts)',
        value: m.monitor.subject,
        unit: 'msgs/s',
        baseline: baseline(m.monitor.baseline),
        better: 'higher',
      },
    ];
  },
};

const browser: FigureGroup = {
  label: 'browser (canvas fps, agents in one tab)',
  browser: true,
  async run({ quick, notes }) {
    const { figures, problems } = measureInBrowser({ quick });
    notes.push(...problems);
    return figures;
  },
};

export const GROUPS: readonly FigureGroup[] = [
  kernelRouting,
  dispatch,
  transport,
  requestResponse,
  oneWay,
  localLatency,
  heap,
  simulatedLoad,
  contractCheck,
  browser,
];

/** The groups a run measures: `--no-browser` drops the browser's, `--only` keeps those whose label or figures match. */
export function selectGroups(groups: readonly FigureGroup[], options: { browser: boolean; only?: string }): FigureGroup[] {
  const only = options.only?.toLowerCase();
  return groups.filter((g) => (options.browser || !g.browser) && (only === undefined || g.label.toLowerCase().includes(only)));
}
