/** The experiment file's canary section: defaults, k6 durations, and every refusal naming its path. */
import { describe, expect, it } from 'vitest';
import { checkLoadExperiment, loadKindProblems, parseLoadExperiment } from './parseLoadExperiment';

const canary = () =>
  ({
    stable: 'echo-1',
    canary: { name: 'echo-1-canary', kind: 'echo', config: {} },
    stages: [
      { weight: 5, duration: '20s' },
      { weight: 25, duration: '20s' },
      { weight: 100, duration: 10_000 },
    ],
    judge: { maxErrorRate: 0.01, maxP95Ms: 50, maxP95RatioToStable: 1.5 },
  }) as Record<string, unknown> & { stages: Record<string, unknown>[]; judge: Record<string, unknown>; canary: Record<string, unknown> };
type Canary = ReturnType<typeof canary>;

const file = (c: Canary) => ({
  schema: 'orrery.load/1',
  name: 'canary',
  topology: { agents: [{ name: 'echo-1', kind: 'echo' }], clients: ['front'] },
  scenarios: {
    steady: {
      executor: 'constant-vus',
      vus: 2,
      duration: '1m',
      target: 'echo-1',
      message: { performative: 'request' },
    } as Record<string, unknown>,
  },
  canary: c,
});

function problems(edit: (c: Canary, f: ReturnType<typeof file>) => void): string[] {
  const c = canary();
  const f = file(c);
  edit(c, f);
  const result = checkLoadExperiment(f);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.problems;
}

describe('the canary section of a load experiment', () => {
  it('reads durations as k6 text or ms and fills in the defaults', () => {
    expect(parseLoadExperiment(file(canary())).canary).toEqual({
      stable: 'echo-1',
      canary: { name: 'echo-1-canary', kind: 'echo', config: {} },
      startTimeMs: 0,
      stages: [
        { weight: 5, durationMs: 20_000 },
        { weight: 25, durationMs: 20_000 },
        { weight: 100, durationMs: 10_000 },
      ],
      judge: { maxErrorRate: 0.01, maxP95Ms: 50, maxP95RatioToStable: 1.5, minRequests: 20, maxHoldMs: 30_000 },
      drainTimeoutMs: 30_000,
      onSuccess: 'promote',
    });
    const c = Object.assign(canary(), { startTime: '5s', drainTimeout: '1.5s', onSuccess: 'keep' });
    Object.assign(c.judge, { minRequests: 3, maxHold: '1m' });
    expect(parseLoadExperiment(file(c)).canary).toMatchObject({
      startTimeMs: 5000,
      drainTimeoutMs: 1500,
      onSuccess: 'keep',
      judge: { minRequests: 3, maxHoldMs: 60_000 },
    });
  });

  it('needs the stable agent to be one of the topology, and one a scenario reaches', () => {
    expect(problems((c) => (c['stable'] = 'echo1'))).toEqual([
      'experiment.canary.stable: expected an agent of experiment.topology.agents, received "echo1" (did you mean "echo-1"?)',
      'experiment.canary.stable: expected an agent a scenario targets (no traffic would reach the canary), received "echo1" (targets: "echo-1")',
    ]);
    expect(
      problems((_, f) => {
        f.topology.agents.push({ name: 'other', kind: 'echo' });
        f.scenarios.steady['target'] = 'other';
      }),
    ).toEqual([
      'experiment.canary.stable: expected an agent a scenario targets (no traffic would reach the canary), received "echo-1" (targets: "other")',
    ]);
    const templated = file(canary());
    templated.scenarios.steady['target'] = 'echo-${rand:int:1:1}';
    expect(checkLoadExperiment(templated).ok).toBe(true);
  });

  it('needs a new name for the canary', () => {
    expect(problems((c) => (c.canary['name'] = 'echo-1'))).toEqual([
      'experiment.canary.canary.name: expected a new name (no agent or client of the topology has it), received "echo-1"',
    ]);
    expect(problems((c) => (c.canary['name'] = 'front'))).toEqual([
      'experiment.canary.canary.name: expected a new name (no agent or client of the topology has it), received "front"',
    ]);
    expect(problems((c) => (c.canary['name'] = 'steady'))).toEqual([
      'experiment.scenarios.steady.client: expected a name other than the canary’s, received "steady"',
    ]);
    expect(problems((c) => (c.canary['group'] = 'nowhere'))).toEqual([
      'experiment.canary.canary.group: expected a group of experiment.topology.groups, received "nowhere"',
    ]);
  });

  it('needs weights from 1 to 100, ascending', () => {
    expect(problems((c) => (c.stages[1]!['weight'] = 5))).toEqual([
      'experiment.canary.stages[1].weight: expected more than the stage before (5): weights ascend, received 5',
    ]);
    expect(problems((c) => (c.stages[0]!['weight'] = 0))).toEqual([
      'experiment.canary.stages[0].weight: expected an integer ≥ 1 and ≤ 100, received number 0',
    ]);
    expect(problems((c) => (c.stages[2]!['weight'] = 150))).toEqual([
      'experiment.canary.stages[2].weight: expected an integer ≥ 1 and ≤ 100, received number 150',
    ]);
    expect(problems((c) => (c.stages = []))).toEqual(['experiment.canary.stages: expected at least 1 item, received an array of 0']);
  });

  it('needs durations > 0 for the stages and the drain', () => {
    expect(problems((c) => (c.stages[0]!['duration'] = '0s'))).toEqual([
      'experiment.canary.stages[0].duration: expected a duration > 0, received "0s"',
    ]);
    expect(problems((c) => (c['drainTimeout'] = -1))[0]).toMatch(
      /^experiment\.canary\.drainTimeout: expected a duration .*> 0 and at most 24h, received number -1$/,
    );
    expect(problems((c) => (c['startTime'] = '2 days'))[0]).toMatch(/^experiment\.canary\.startTime: expected a duration/);
  });

  it('needs a judge with at least one limit, each in range', () => {
    expect(problems((c) => (c.judge = { minRequests: 10 }))).toEqual([
      'experiment.canary.judge: expected at least one limit (maxErrorRate, maxErrorRateOverStable, maxP95Ms, maxP95RatioToStable), received none',
    ]);
    expect(problems((c) => (c.judge['maxErrorRate'] = 5))).toEqual([
      'experiment.canary.judge.maxErrorRate: expected a number ≥ 0 and ≤ 1, received number 5',
    ]);
    expect(problems((c) => (c.judge['maxP95RatioToStable'] = 0.5))).toEqual([
      'experiment.canary.judge.maxP95RatioToStable: expected a number ≥ 1 and ≤ 1000, received number 0.5',
    ]);
    expect(problems((c) => (c.judge['minRequests'] = 0))).toEqual([
      'experiment.canary.judge.minRequests: expected an integer ≥ 1 and ≤ 1000000, received number 0',
    ]);
    expect(problems((c) => (c.judge['maxP95'] = 5))[0]).toMatch(
      /^experiment\.canary\.judge\.maxP95: unknown field \(did you mean "maxP95Ms"\?\)/,
    );
  });

  it('lets the latency model give the canary its own handling time', () => {
    const f = { ...file(canary()), latency: { agents: { 'echo-1-canary': { distribution: 'fixed', ms: 40 } } } };
    expect(parseLoadExperiment(f).latency?.agents?.['echo-1-canary']).toEqual({ distribution: 'fixed', ms: 40 });
  });

  it('names an unknown canary kind with the runner’s kinds', () => {
    const e = parseLoadExperiment(file(Object.assign(canary(), { canary: { name: 'c', kind: 'ecoh' } })));
    expect(loadKindProblems(e, ['echo'])).toEqual([
      'experiment.canary.canary.kind: expected a known agent kind (echo), received "ecoh" (did you mean "echo"?)',
    ]);
  });
});
