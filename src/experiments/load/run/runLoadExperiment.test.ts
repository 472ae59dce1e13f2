/**
 * The runner's behaviour in the simulation with the in-process JS echo (exact virtual
 * times, so counts and latencies are exact): totals, modes, stop and abort, drops, the
 * latency model, the hooks a canary uses, chaos resolution.
 */
import { describe, expect, it } from 'vitest';
import { createKindLibrary, registerJsKinds } from '../../../hosts/inProcess';
import type { Experiment } from '../../chaos/types';
import { parseLoadExperiment } from '../experiment/parseLoadExperiment';
import { LoadChaosError } from './chaosPlan';
import { runSimulatedLoadExperiment } from './runSimulatedLoadExperiment';
import type { LoadRunHooks, LoadRunResult } from './types';

const library = registerJsKinds(createKindLibrary());

function load(scenario: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return parseLoadExperiment({
    schema: 'orrery.load/1',
    name: 'unit',
    seed: 3,
    topology: { agents: [{ name: 'echo-1', kind: 'echo' }] },
    scenarios: { s: { target: 'echo-1', message: { performative: 'request', content: { n: '${scenarioIter}' } }, ...scenario } },
    latency: { link: { distribution: 'fixed', ms: 2 }, agent: { distribution: 'fixed', ms: 3 } },
    ...extra,
  });
}

const coherent = (r: LoadRunResult) => {
  const t = r.totals;
  expect(t.sent).toBe(t.started);
  expect(t.ok + t.errors + t.interrupted + t.inFlight).toBe(t.started);
  expect(r.summary.metrics['requests']?.values['count'] ?? 0).toBe(t.ok + t.errors);
};

describe('runLoadExperiment (simulation, JS echo)', () => {
  it('closed loop: every iteration runs, latency is the model’s (link 2 ms + handling 3 ms), clients and links made as needed', async () => {
    const r = await runSimulatedLoadExperiment(load({ executor: 'per-vu-iterations', vus: 3, iterations: 4, client: 'vu-${vu}' }), {
      library,
    });
    coherent(r);
    expect(r.totals).toMatchObject({ started: 12, ok: 12, errors: 0, dropped: 0 });
    const latency = r.summary.metrics['latency']!.values;
    expect(latency['min']).toBeCloseTo(5, 2);
    expect(latency['max']).toBeCloseTo(11, 2); // three VUs queue on one serial agent: answered at 5, 8 and 11 ms
    expect(Object.keys(r.summary.metrics).filter((k) => k.startsWith('requests{link:'))).toEqual([
      'requests{link:vu-1--echo-1}',
      'requests{link:vu-2--echo-1}',
      'requests{link:vu-3--echo-1}',
    ]);
    expect(r.summary.metrics['iterations']?.values['count']).toBe(12);
  });

  it('progress carries time series per scenario, client, agent and link, and each scenario’s VUs', async () => {
    const keys = new Set<string>();
    const vus: number[] = [];
    await runSimulatedLoadExperiment(load({ executor: 'constant-vus', vus: 2, duration: '3s', client: 'web' }), {
      library,
      onProgress: (p) => {
        Object.keys(p.points).forEach((k) => keys.add(k));
        vus.push(p.scenarioVus?.['s']?.maxVUs ?? -1);
      },
    });
    expect(vus.slice(0, 3)).toEqual([2, 2, 2]);
    for (const key of ['requests{scenario:s}', 'requests{client:web}', 'latency{agent:echo-1}', 'latency{link:web--echo-1}'])
      expect(keys).toContain(key);
  });

  it('one VU: think time spaces iterations exactly; the run lasts what the iterations take', async () => {
    const r = await runSimulatedLoadExperiment(load({ executor: 'shared-iterations', vus: 1, iterations: 5, thinkTime: '10ms' }), {
      library,
    });
    expect(r.totals.ok).toBe(5);
    expect(r.summary.metrics['iteration_duration']?.values['avg']).toBeCloseTo(15, 2);
    expect(r.summary.state.testRunDurationMs).toBeCloseTo(75, 1);
  });

  it('fire and forget: counted as sent, no latency samples', async () => {
    const r = await runSimulatedLoadExperiment(load({ executor: 'shared-iterations', vus: 2, iterations: 10, mode: 'send' }), { library });
    coherent(r);
    expect(r.totals.ok).toBe(10);
    expect(r.summary.metrics['latency']).toBeUndefined();
  });

  it('a ramp stopped by an abortOnFail threshold reports its breaking point: the scheduled rate when the check failed', async () => {
    const experiment = load(
      { executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', stages: [{ duration: '10s', target: 100 }], preAllocatedVUs: 20 },
      { thresholds: { requests: [{ threshold: 'count<50', abortOnFail: true }] } },
    );
    const r = await runSimulatedLoadExperiment(experiment, { library });
    // 50 requests are reached at √10 s ≈ 3.2 s; thresholds are checked every 2 s, so the 4 s check stops it, at 40/s.
    expect(r.stoppedBy).toBe('threshold');
    expect(r.breakingPoint).toMatchObject({ atMs: 4000, threshold: 'requests count<50' });
    expect(r.breakingPoint!.rates['s']).toBeCloseTo(40, 6);
    expect(r.summary.annotations.map((a) => a.label)).toContainEqual(
      expect.stringMatching(/^breaking point: requests count<50 failed \(observed \d+\) at 4s; scheduled rate s at 40\/s$/),
    );
  });

  it('open model: iterations with no free VU are dropped and said so; scheduled = started + dropped', async () => {
    const slow = { agent: { distribution: 'fixed', ms: 50 } };
    const e = load(
      { executor: 'constant-arrival-rate', rate: 100, duration: '1s', preAllocatedVUs: 1, maxVUs: 2, timeout: '5s' },
      { latency: slow },
    );
    const r = await runSimulatedLoadExperiment(e, { library });
    coherent(r);
    expect(r.totals.started + r.totals.dropped).toBe(100);
    expect(r.totals.dropped).toBeGreaterThan(50);
    expect(r.summary.metrics['dropped_iterations']?.values['count']).toBe(r.totals.dropped);
  });

  it('a target that is not there: its requests are errors of kind no-route, the refused link noted once', async () => {
    const e = load({ executor: 'shared-iterations', iterations: 20, target: 'echo-${rand:pick:1|9}' });
    const r = await runSimulatedLoadExperiment(e, { library });
    coherent(r);
    expect(r.totals.ok).toBeGreaterThan(0);
    expect(r.totals.errors).toBeGreaterThan(0);
    expect(r.summary.metrics['errors{kind:no-route}']?.values['count']).toBe(r.totals.errors);
    expect(r.summary.annotations.filter((a) => a.label.startsWith('link s--echo-9'))).toHaveLength(1);
  });

  it('stop: no new iterations, the ones under way finish; abort: interrupted now', async () => {
    const e = () =>
      load(
        { executor: 'constant-vus', vus: 2, duration: '10s', thinkTime: '100ms' },
        { latency: { agent: { distribution: 'fixed', ms: 40 } } },
      );
    const stop = new AbortController();
    const stopped = await runSimulatedLoadExperiment(e(), {
      library,
      stopSignal: stop.signal,
      progressEveryMs: 10,
      onProgress: (p) => p.atMs >= 1000 && stop.abort(),
    });
    coherent(stopped);
    expect(stopped.stoppedBy).toBe('stop');
    expect(stopped.totals).toMatchObject({ interrupted: 0, inFlight: 0 });
    expect(stopped.summary.state.testRunDurationMs).toBeLessThan(1500);

    const abort = new AbortController();
    const aborted = await runSimulatedLoadExperiment(e(), {
      library,
      abortSignal: abort.signal,
      progressEveryMs: 10,
      onProgress: (p) => p.atMs >= 1010 && abort.abort(),
    });
    coherent(aborted);
    expect(aborted.stoppedBy).toBe('abort');
    expect(aborted.totals.interrupted).toBeGreaterThan(0);
    expect(aborted.summary.state.testRunDurationMs).toBeLessThan(1100);
  });

  it('a simulated run hears an abort sent from outside while it runs: it lets other tasks in', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const e = load({ executor: 'constant-arrival-rate', rate: 50, duration: '24h', preAllocatedVUs: 5 });
    const r = await runSimulatedLoadExperiment(e, { library, abortSignal: abort.signal });
    coherent(r);
    expect(r.stoppedBy).toBe('abort');
    expect(r.summary.state.testRunDurationMs).toBeLessThan(3_600_000);
  });

  it('hooks: setup deploys, route splits, observe sees every outcome, tick keeps its pace, busy holds the end', async () => {
    const seen: string[] = [];
    const ticks: number[] = [];
    let busyUntil = 0;
    const hooks: LoadRunHooks = {
      setup: () => [{ type: 'agent.deploy', spec: { name: 'echo-2', kind: 'echo' } }],
      route: (receiver, _at, rng) => (rng.next() < 0.5 ? 'echo-2' : receiver),
      observe: (o) => void seen.push(o.agent),
      tick: (atMs, inFlight) => {
        ticks.push(atMs);
        expect(inFlight('echo-1') + inFlight('echo-2')).toBeLessThanOrEqual(1);
        return [];
      },
      busy: () => ticks.length > 0 && ticks.at(-1)! < (busyUntil ||= ticks.at(-1)! + 500),
      annotations: () => [{ startMs: 0, label: 'stage 1' }],
    };
    const r = await runSimulatedLoadExperiment(load({ executor: 'shared-iterations', vus: 1, iterations: 40 }), { library, hooks });
    coherent(r);
    expect(seen).toHaveLength(40);
    expect(seen.filter((a) => a === 'echo-2').length).toBeGreaterThan(5);
    expect(seen.filter((a) => a === 'echo-1').length).toBeGreaterThan(5);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeLessThanOrEqual(100);
    expect(r.summary.state.testRunDurationMs).toBeGreaterThanOrEqual(500);
    expect(r.summary.annotations).toContainEqual({ startMs: 0, label: 'stage 1' });
  });

  it('chaos.experiment: resolved by name and its faults run on the load’s axis; an unknown name fails before anything runs', async () => {
    const chaos = {
      name: 'kill once',
      schedule: {
        warmupMs: 0,
        steadyMs: 200,
        settleMs: 0,
        recoveryMs: 100,
        phases: [
          { name: 'kill', durationMs: 100, faults: [{ target: { agents: ['echo-1'] }, probability: 1, effect: { kind: 'crash' } }] },
        ],
      },
      workload: { clients: [] },
      hypothesis: [],
    } as unknown as Experiment; // only what planExperiment reads: the schedule
    const e = load(
      { executor: 'constant-arrival-rate', rate: 100, duration: '600ms', preAllocatedVUs: 5, timeout: '1s' },
      { chaos: { experiment: 'kill once' }, topology: { agents: [{ name: 'echo-1', kind: 'echo', redelivery: 'never' }] } },
    );
    const r = await runSimulatedLoadExperiment(e, { library, resolveChaos: (name) => (name === 'kill once' ? chaos : undefined) });
    coherent(r);
    expect(r.summary.annotations).toEqual([
      expect.objectContaining({ startMs: 200, endMs: 300, label: expect.stringMatching(/^crash on echo-1/) }),
    ]);
    expect(r.summary.metrics['errors{kind:failure}']?.values['count']).toBeGreaterThan(0);
    await expect(runSimulatedLoadExperiment(e, { library })).rejects.toThrow(LoadChaosError);
  });
});
