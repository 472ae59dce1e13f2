import { describe, expect, it } from 'vitest';
import { requestLog } from '../metrics/fixtures';
import { echoSoak } from './examples';
import { ExperimentSchemaError, parseExperiment, probeIds } from './parseExperiment';
import { planExperiment } from './planExperiment';
import { evaluateProbe } from './probes';
import type { Experiment } from './types';

const problems = (value: unknown): string[] => {
  try {
    parseExperiment(value);
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentSchemaError);
    return (e as ExperimentSchemaError).problems;
  }
  return [];
};

const base = (): Experiment => echoSoak({ faultMs: 3000 });

describe('experiment schema', () => {
  it('accepts the templates, from an object or JSON text', () => {
    expect(parseExperiment(base()).name).toMatch(/soak/);
    expect(parseExperiment(JSON.stringify(base())).topology.agents).toHaveLength(3);
  });

  it('says where, what was expected and what came — every problem at once', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test writes wrong values on purpose
    const e = base() as unknown as Record<string, any>;
    e.schema = 'orrery.experiment/2';
    e.schedule.phases[0].faults[0].probability = 1.5;
    e.schedule.phases[0].faults[1].effect = { kind: 'explode' };
    e.hypothesis.push({ probe: 'latency', percentile: 95 });
    e.workload.clients[0].ratePerSecond = -1;
    e.topology.agents[0].colour = 'red';
    expect(problems(e)).toEqual([
      'experiment.schema: expected "orrery.experiment/1", received string "orrery.experiment/2"',
      'experiment.topology.agents[0].colour: unknown field (known: name, kind, config, limits, isolated, group, restart, redelivery)',
      'experiment.workload.clients[0].ratePerSecond: expected a number > 0 and ≤ 10000, received number -1',
      'experiment.hypothesis[4].maxMs: required, missing',
      'experiment.schedule.phases[0].faults[0].probability: expected a number ≥ 0 and ≤ 1, received number 1.5',
      'experiment.schedule.phases[0].faults[1].effect.kind: expected one of "latency", "drop", "duplicate", "reorder", "corrupt", "partition", "bandwidth", "kill", "crash", "hang", "slow", "clock-skew", received string "explode"',
    ]);
  });

  it('checks references between parts', () => {
    const e = base();
    e.workload.clients[0]!.client = 'nobody';
    e.workload.clients[0]!.targets = ['echo1', 'ghost'];
    e.schedule.phases[0]!.probes = ['no-such-probe'];
    e.hypothesis.push({ id: 'no-lost-messages', probe: 'dead-letters', max: 0 });
    expect(problems(e)).toEqual([
      'experiment.workload.clients[0].client: expected a client listed in topology.clients (load), received "nobody"',
      'experiment.workload.clients[0].targets[1]: expected an agent of the topology, received "ghost"',
      'experiment.hypothesis[4].id: expected a unique probe id, received "no-lost-messages" (already used by an earlier probe; set "id")',
      'experiment.schedule.phases[0].probes[0]: expected a probe id (no-lost-messages, all-agents-running, success-rate, latency, no-lost-messages), received "no-such-probe"',
    ]);
  });

  it('reports text that is not JSON, and non-objects', () => {
    expect(problems('{ nope')[0]).toMatch(/^experiment: expected JSON text/);
    expect(problems(42)).toEqual(['experiment: expected an object, received number 42']);
  });

  it('defaults probe ids to the probe name, numbered when repeated', () => {
    expect(
      probeIds({
        hypothesis: [
          { probe: 'latency', percentile: 50, maxMs: 1 },
          { probe: 'latency', percentile: 99, maxMs: 5 },
          { id: 'x', probe: 'restarts', max: 0 },
        ],
      }),
    ).toEqual(['latency', 'latency#2', 'x']);
  });
});

describe('phase scheduling', () => {
  it('lays out windows and actions: warmup, before, phases (fault, heal, settle), after, drain', () => {
    const e = base();
    e.schedule = {
      warmupMs: 100,
      steadyMs: 1000,
      phases: [
        { name: 'p1', durationMs: 500, faults: [{ target: {}, probability: 1, effect: { kind: 'drop' } }], settleMs: 200 },
        {
          name: 'p2',
          durationMs: 1000,
          pulses: [
            { everyMs: 400, holdMs: 50, fault: { id: 'k', target: { agents: ['echo1'] }, probability: 1, effect: { kind: 'kill' } } },
          ],
          probes: ['latency'],
        },
      ],
      settleMs: 300,
      recoveryMs: 1000,
      drainMs: 500,
    };
    const plan = planExperiment(e);
    expect(plan.windows.map((w) => [w.name, w.start, w.end])).toEqual([
      ['before', 100, 1100],
      ['during:p1', 1100, 1600],
      ['during:p2', 1800, 2800],
      ['after', 3100, 4100],
    ]);
    expect(plan.windows[2]!.probes).toEqual(['latency']);
    expect(plan.windows[0]!.probes).toEqual(['no-lost-messages', 'all-agents-running', 'success-rate', 'latency']);
    expect(plan.windows[1]!.probes).toEqual(['no-lost-messages']);
    expect(plan.workloadEnd).toBe(4100);
    expect(plan.end).toBe(4600);
    expect(plan.actions.map((a) => `${a.at} ${a.type} ${'id' in a ? a.id : 'fault' in a ? a.fault.id : a.phase}`)).toEqual([
      '1100 phase.start p1',
      '1100 inject p1/0',
      '1600 clear p1/0',
      '1600 phase.end p1',
      '1800 phase.start p2',
      '1800 pulse k/0',
      '1850 clear k/0',
      '2200 pulse k/1',
      '2250 clear k/1',
      '2600 pulse k/2',
      '2650 clear k/2',
      '2800 phase.end p2',
    ]);
  });

  it('drain defaults to the longest request timeout + 100 ms', () => {
    const plan = planExperiment(base());
    expect(plan.end - plan.workloadEnd).toBe(10_100);
  });
});

describe('probes on a hand-made log', () => {
  const all = { start: 0, end: 100 };
  const check = (spec: Parameters<typeof evaluateProbe>[0], window = all) => evaluateProbe(spec, spec.probe, { log: requestLog, window });

  it('no lost messages: one lost and one answered twice', () => {
    expect(check({ probe: 'no-lost-messages' })).toMatchObject({
      pass: false,
      value: 2,
      detail: '4 requests, 1 without an answer (m5), 1 answered more than once (m6)',
    });
    expect(check({ probe: 'no-lost-messages' }, { start: 0, end: 30 })).toMatchObject({ pass: true, value: 0 });
  });

  it('latency percentile against a bound', () => {
    expect(check({ probe: 'latency', percentile: 95, maxMs: 50 })).toMatchObject({ pass: true, value: 10, threshold: '< 50 ms' });
    expect(check({ probe: 'latency', percentile: 95, maxMs: 10 })).toMatchObject({ pass: false, value: 10 });
    expect(check({ probe: 'latency', percentile: 95, maxMs: 10 }, { start: 200, end: 300 })).toMatchObject({ pass: true, value: null });
  });

  it('success rate, dead letters, restarts, throughput', () => {
    expect(check({ probe: 'success-rate', min: 0.25 })).toMatchObject({ pass: true, value: 0.25 });
    expect(check({ probe: 'success-rate', min: 0.5 })).toMatchObject({ pass: false, detail: '1 of 4 requests succeeded' });
    expect(check({ probe: 'dead-letters', max: 0 })).toMatchObject({ pass: false, value: 1, detail: '1 dead letters (agent-crashed 1)' });
    expect(check({ probe: 'dead-letters', max: 0 }, { start: 26, end: 100 })).toMatchObject({ pass: true, value: 0 });
    expect(check({ probe: 'restarts', max: 0 })).toMatchObject({ pass: false, value: 1, detail: '1 restarts (a 1)' });
    expect(check({ probe: 'throughput', minPerSecond: 10 })).toMatchObject({ pass: true, value: 10 });
  });

  it('all agents running at the end of the window', () => {
    expect(check({ probe: 'all-agents-running' }, { start: 0, end: 26 })).toMatchObject({
      pass: false,
      value: 1,
      detail: 'not running at the end of the window: a (restarting)',
    });
    expect(check({ probe: 'all-agents-running' })).toMatchObject({ pass: true, value: 0 });
    expect(check({ probe: 'all-agents-running', agents: ['a', 'b'] })).toMatchObject({
      pass: false,
      detail: expect.stringContaining('b (absent)'),
    });
  });
});
