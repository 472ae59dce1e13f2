/**
 * The load runner in the deterministic simulation, with real wasm agents in process:
 * reproducible to the log hash, an hour of load, load under chaos.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, loadLibraryKinds } from '../../../hosts/inProcess';
import { nodeAgentAssets } from '../../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../../hosts/node/requireBuiltAgents';
import { parseLoadExperiment } from '../experiment/parseLoadExperiment';
import { runSimulatedLoadExperiment } from './runSimulatedLoadExperiment';

requireBuiltAgents();
const library = createKindLibrary();
beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['echo']);
});

const topology = {
  clients: ['client-1'],
  agents: [{ name: 'echo-1', kind: 'echo' }],
  links: [{ a: 'client-1', b: 'echo-1' }],
};

function steady(extra: Record<string, unknown> = {}, scenario: Record<string, unknown> = {}) {
  return parseLoadExperiment({
    schema: 'orrery.load/1',
    name: 'steady',
    seed: 7,
    topology,
    scenarios: {
      steady: {
        executor: 'constant-arrival-rate',
        rate: 50,
        duration: '4s',
        preAllocatedVUs: 5,
        maxVUs: 50,
        client: 'client-1',
        target: 'echo-1',
        message: { performative: 'request', content: { n: '${scenarioIter}', word: '${rand:string:8}' } },
        timeout: '500ms',
        thinkTime: { min: '1ms', max: '20ms' },
        ...scenario,
      },
    },
    thresholds: { latency: ['p(95)<50'] },
    latency: {
      link: { distribution: 'uniform', minMs: 1, maxMs: 3 },
      agent: { distribution: 'lognormal', medianMs: 2, p99Ms: 15 },
    },
    ...extra,
  });
}

describe('load runner, simulation (real wasm)', () => {
  it('the same seed gives the same summary and log hash; another seed another hash', async () => {
    const a = await runSimulatedLoadExperiment(steady(), { library });
    const b = await runSimulatedLoadExperiment(steady(), { library });
    const c = await runSimulatedLoadExperiment(steady(), { library, seed: 8 });
    expect(a.mode).toBe('simulation');
    expect(a.logHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.logHash).toBe(a.logHash);
    expect(b.summary).toEqual(a.summary);
    expect(b.totals).toEqual(a.totals);
    expect(c.logHash).not.toBe(a.logHash);
    expect(a.totals).toMatchObject({ started: 200, ok: 200, errors: 0, dropped: 0, interrupted: 0, inFlight: 0 });
    // Latencies come from the model: at least one link transit (1-3 ms) plus handling (median 2 ms).
    const latency = a.summary.metrics['latency']!.values;
    expect(latency['min']).toBeGreaterThanOrEqual(1);
    expect(latency['med']).toBeGreaterThan(2);
    expect(latency['med']).toBeLessThan(10);
  });

  it('an hour of simulated load completes', async () => {
    const hour = steady({ thresholds: { requests: ['count>17000'] } }, { rate: 5, duration: '1h', timeout: '2s' });
    const result = await runSimulatedLoadExperiment(hour, { library });
    expect(result.passed).toBe(true);
    expect(result.totals).toMatchObject({ started: 18_000, ok: 18_000, dropped: 0 });
    expect(result.summary.state.testRunDurationMs).toBeGreaterThanOrEqual(3_600_000);
    expect(result.summary.series['requests']?.length).toBeGreaterThanOrEqual(3600);
  });

  it('inline faults: annotated on the run’s time axis, their errors counted by kind', async () => {
    const link = 'client-1--echo-1';
    const chaos = {
      faults: [
        { at: '1s', duration: '1s', fault: { target: { links: [link] }, probability: 0.5, effect: { kind: 'drop' } } },
        { at: '2500ms', duration: '500ms', fault: { target: { agents: ['echo-1'] }, probability: 1, effect: { kind: 'slow', ms: 1000 } } },
      ],
    };
    const result = await runSimulatedLoadExperiment(steady({ chaos }, { duration: '5s' }), { library });
    expect(result.summary.annotations).toEqual([
      expect.objectContaining({ startMs: 1000, endMs: 2000, label: expect.stringMatching(/^drop on client-1--echo-1/) }),
      expect.objectContaining({ startMs: 2500, endMs: 3000, label: expect.stringMatching(/^slow on echo-1/) }),
    ]);
    const count = (key: string) => result.summary.metrics[key]?.values['count'] ?? 0;
    expect(count('errors{kind:dropped}')).toBeGreaterThan(5);
    expect(count('errors{kind:timeout}')).toBeGreaterThan(5);
    const t = result.totals;
    expect(t.started + t.dropped).toBe(250);
    expect(t.ok + t.errors + t.interrupted + t.inFlight).toBe(t.started);
    expect(count('requests')).toBe(t.ok + t.errors);
    expect(count('errors')).toBe(t.errors);
  });
});
