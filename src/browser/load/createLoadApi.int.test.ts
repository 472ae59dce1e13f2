/**
 * The kernel worker's load API, on Node's parts: a live workbench with real wasm agents in
 * worker threads (what the browser's kernel worker runs on), and an in-process kind library
 * standing in for the worker's compiled kinds in simulations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealClock } from '../../hosts/createRealClock';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { createNodeWorkbench, type NodeWorkbench } from '../../hosts/node/createNodeWorkbench';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import type { LoadProgress } from '../../experiments/load/run/types';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { createLoadApi } from './createLoadApi';
import type { LoadApi } from './types';

requireBuiltAgents();
const clock = createRealClock();
let wb: NodeWorkbench;
let api: LoadApi;

beforeAll(async () => {
  wb = await createNodeWorkbench({ kinds: ['echo'], workers: 1, clock });
  const inProcess = createKindLibrary();
  await loadLibraryKinds(inProcess, nodeAgentAssets(), ['echo']);
  const library: CompiledKindLibrary = { ...inProcess, prepare: async () => undefined };
  api = createLoadApi({ runtime: wb.runtime, kernel: wb.kernel, clock, library, kinds: () => ['echo'] });
  await wb.command({ type: 'agent.deploy', spec: { name: 'echo-1', kind: 'echo' } });
});
afterAll(async () => {
  await wb?.dispose();
});

/** A file without a topology: it loads the system already running (here, echo-1). */
function rateFile(duration: string, extra: Record<string, unknown> = {}) {
  return {
    schema: 'orrery.load/1',
    name: 'rate',
    seed: 4,
    scenarios: {
      steady: {
        executor: 'constant-arrival-rate',
        rate: 40,
        duration,
        preAllocatedVUs: 5,
        maxVUs: 20,
        target: 'echo-1',
        message: { performative: 'request', content: { n: '${scenarioIter}' } },
        timeout: '1s',
      },
    },
    thresholds: { error_rate: ['rate<0.01'] },
    ...extra,
  };
}

describe('the kernel worker’s load API', () => {
  it('simulates a file without a topology on the running system: the same seed gives the same log hash; progress is throttled and loses no point', async () => {
    const progress: LoadProgress[] = [];
    const first = await api.run(rateFile('30s'), { mode: 'simulation' }, (p) => progress.push(p));
    const again = await api.run(rateFile('30s'), { mode: 'simulation' });
    if (!first.ok || !again.ok) throw new Error(JSON.stringify([first, again]));
    expect(first.result).toMatchObject({ mode: 'simulation', seed: 4, passed: true, totals: { sent: 1200, ok: 1200, errors: 0 } });
    expect(first.result.logHash).toMatch(/^[0-9a-f]{64}$/);
    expect(again.result.logHash).toBe(first.result.logHash);
    // 30 s of run time reports 60 times; at most 4 a second of wall time cross (plus the last).
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(first.result.wallMs / 250) + 1);
    const seen = new Map<number, number>();
    for (const p of progress) for (const point of p.points['requests'] ?? []) seen.set(point.startMs, point.values['count']!);
    const inSummary = first.result.summary.series['requests']!.filter((p) => seen.has(p.startMs));
    expect(inSummary.length).toBeGreaterThanOrEqual(29);
    for (const p of inSummary) expect(seen.get(p.startMs)).toBe(p.values['count']);
  });

  it('runs live on the workbench, reusing an agent the file also deploys, and Stop ends it early with its figures', async () => {
    const file = rateFile('5m', { topology: { agents: [{ name: 'echo-1', kind: 'echo' }] } });
    let stopped = false;
    const outcome = await api.run(file, { mode: 'live' }, (p) => {
      if (!stopped && p.totals.ok >= 20) void api.stop().then(() => (stopped = true));
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.result).toMatchObject({ mode: 'live', stoppedBy: 'stop', passed: true });
    const t = outcome.result.totals;
    expect(t.ok).toBeGreaterThanOrEqual(20);
    expect(t.sent).toBe(t.ok + t.errors);
  });

  it('refuses a bad file, an unknown kind and a second run, each naming what is wrong', async () => {
    const bad = await api.run(rateFile('-1s'), { mode: 'simulation' });
    expect(bad).toMatchObject({ ok: false, problems: [expect.stringMatching(/^experiment\.scenarios\.steady\.duration: /)] });
    const unknown = await api.run(rateFile('1s', { topology: { agents: [{ name: 'echo-1', kind: 'ecko' }] } }), { mode: 'simulation' });
    expect(unknown).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('experiment.topology.agents[0].kind: expected a known agent kind (echo), received "ecko"')],
    });
    const running = api.run(rateFile('2s'), { mode: 'live' });
    const second = await api.run(rateFile('1s'), { mode: 'simulation' });
    expect(second).toMatchObject({ ok: false, error: 'a load experiment is already running: stop it first' });
    await api.abort();
    expect(await running).toMatchObject({ ok: true, result: { stoppedBy: 'abort' } });
  });
});
