/**
 * `npm run bench`: every figure next to a baseline measured in the same run (these
 * machines are shared and noisy), printed as one table, also written as JSON to
 * .cache/bench.json for comparison across commits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { measureDispatch, measureRawPingPong, measureRuntimeRoundTrips } from '../src/hosts/node/measure';
import { measureInBrowser } from './browser';
import { measureComlinkPerCall } from './comlinkBaseline';
import { describeHeapFlat, heapFlatFigure, measureHeapFlat } from './heapFlat';
import { measureKernelRouting } from './kernelRouting';
import { measureLocalLatency } from './localLatency';
import { measureRawBatchedOneWay, measureRoutedOneWay } from './oneWay';
import { renderTable, type Figure } from './table';

const quick = process.argv.includes('--quick');
const durationMs = quick ? 500 : 2000;
const figures: Figure[] = [];

const routing = measureKernelRouting(quick ? 50_000 : 300_000);
figures.push({
  name: 'kernel routing, in-process, no wasm',
  value: routing.kernelMsgsPerSecond,
  unit: 'msgs/s',
  baseline: { name: 'bare Map+array dispatch', value: routing.bareMsgsPerSecond },
  target: { min: 1_000_000 },
});

const dispatch = await measureDispatch({ durationMs });
figures.push({
  name: 'agent dispatch, our binding',
  value: dispatch.binding.perSecond,
  unit: 'calls/s',
  baseline: { name: 'core module called directly', value: dispatch.direct.perSecond },
  target: { ratio: 0.5 },
});
figures.push({
  name: "agent dispatch, jco's generated glue",
  value: dispatch.glue.perSecond,
  unit: 'calls/s',
  baseline: { name: 'core module called directly', value: dispatch.direct.perSecond },
});

// Interleave baseline and subject so a noisy neighbour hurts both alike.
const raw1 = await measureRawPingPong(durationMs);
const runtime = await measureRuntimeRoundTrips({ durationMs });
const raw2 = await measureRawPingPong(durationMs);
const comlink = await measureComlinkPerCall(durationMs);
figures.push({
  name: 'cross-worker request/response (kernel + pool + wasm echo)',
  value: runtime.perSecond,
  unit: 'round trips/s',
  baseline: { name: 'raw postMessage ping-pong', value: (raw1.perSecond + raw2.perSecond) / 2 },
  target: { ratio: 0.8 },
});
figures.push({
  name: 'cross-worker request/response vs comlink',
  value: runtime.perSecond,
  unit: 'round trips/s',
  baseline: { name: 'comlink, one call per round trip', value: comlink },
  target: { ratio: 3 },
});

const oneWayMessages = quick ? 20_000 : 100_000;
const rawOneWay = await measureRawBatchedOneWay(oneWayMessages);
const routedOneWay = await measureRoutedOneWay(oneWayMessages);
figures.push({
  name: 'cross-worker one-way routed (wasm echo handles each)',
  value: routedOneWay,
  unit: 'msgs/s',
  baseline: { name: 'raw batched postMessage (256/msg)', value: rawOneWay },
  target: { ratio: 0.7 },
});

const latency = await measureLocalLatency(quick ? 2000 : 10_000);
figures.push({ name: 'local routing latency p50 (same thread, wasm echo)', value: latency.p50Us, unit: 'µs', target: { max: 100 } });
figures.push({ name: 'local routing latency p99 (same thread, wasm echo)', value: latency.p99Us, unit: 'µs', target: { max: 1000 } });

// An hour at 10k msgs/s of virtual time (36M messages) when it fits about 90 s of wall time, else the whole minutes that do.
const heap = await measureHeapFlat(quick ? { durationMs: 40_000, wallBudgetMs: 30_000 } : { durationMs: 3_600_000, wallBudgetMs: 90_000 });
figures.push(heapFlatFigure(heap));

if (!process.argv.includes('--no-browser')) figures.push(...measureInBrowser());

console.log(`\nOrrery benchmarks (Node ${process.version}, ${quick ? 'quick' : 'full'} run)\n`);
console.log(renderTable(figures));
console.log(`\n${describeHeapFlat(heap)}`);
mkdirSync('.cache', { recursive: true });
writeFileSync('.cache/bench.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, figures, heap }, null, 2));
