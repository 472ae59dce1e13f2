import { describe, expect, it } from 'vitest';
import { createExecutor } from '../executors/createExecutor';
import { checkLoadExperiment, LoadExperimentError, loadKindProblems, parseLoadExperiment } from './parseLoadExperiment';

const base = () => ({
  schema: 'orrery.load/1',
  name: 'test',
  topology: { agents: [{ name: 'echo-1', kind: 'echo' }] },
  scenarios: {
    steady: {
      executor: 'constant-arrival-rate',
      rate: 100,
      duration: '30s',
      preAllocatedVUs: 10,
      maxVUs: 20,
      target: 'echo-1',
      message: { performative: 'request', content: 'hi' },
    } as Record<string, unknown>,
  } as Record<string, Record<string, unknown>>,
  thresholds: { latency: ['p(95)<50'] } as Record<string, unknown>,
});
type File = ReturnType<typeof base> & Record<string, unknown>;
const steady = (f: File): Record<string, unknown> => f.scenarios['steady']!;

function problems(edit: (f: File) => void): string[] {
  const file = base() as File;
  edit(file);
  const result = checkLoadExperiment(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.problems;
}

describe('parseLoadExperiment', () => {
  it('returns the experiment with durations in ms, k6 defaults filled in and thresholds parsed', () => {
    const e = parseLoadExperiment(base());
    expect(e.scenarios['steady']).toMatchObject({
      executor: 'constant-arrival-rate',
      rate: 100,
      duration: 30_000,
      timeUnit: 1000,
      startTime: 0,
      gracefulStop: 30_000,
      preAllocatedVUs: 10,
      maxVUs: 20,
      mode: 'request',
      timeoutMs: 10_000,
      client: 'steady',
      thinkTime: { minMs: 0, maxMs: 0 },
    });
    expect(e.thresholds).toMatchObject([
      { metric: 'latency', abortOnFail: false, delayAbortEvalMs: 0, expression: { aggregation: 'p(95)' } },
    ]);
  });

  it('gives scenarios the executors run: 100/s for 30 s is 3000 iterations', () => {
    const e = parseLoadExperiment(base());
    const ex = createExecutor(e.scenarios['steady']!);
    ex.advance(29_999);
    expect(ex.stats().started + ex.stats().dropped).toBe(3000);
  });

  it('reads text as well as values, and says when the text is not JSON', () => {
    expect(parseLoadExperiment(JSON.stringify(base())).name).toBe('test');
    expect(() => parseLoadExperiment('{"schema": ')).toThrow(
      /ORR302: The load experiment is not valid \(1 problem\):\n- experiment: expected JSON text/,
    );
  });

  it('names an unknown executor with the known ones', () => {
    expect(problems((f) => (steady(f)['executor'] = 'constant-rate'))).toEqual([
      'experiment.scenarios.steady.executor: expected one of "shared-iterations", "per-vu-iterations", "constant-vus", "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate", received string "constant-rate"',
    ]);
  });

  it('refuses a negative duration, a duration that is not one, and one over 24 h, naming the field', () => {
    expect(problems((f) => (steady(f)['duration'] = -5))).toEqual([
      'experiment.scenarios.steady.duration: expected a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms"), > 0 and at most 24h, received number -5',
    ]);
    expect(problems((f) => (steady(f)['startTime'] = '5 seconds'))).toEqual([
      'experiment.scenarios.steady.startTime: expected a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms"), ≥ 0 and at most 24h, received string "5 seconds"',
    ]);
    expect(problems((f) => (steady(f)['duration'] = '25h'))).toEqual([
      'experiment.scenarios.steady.duration: expected at most 24h (86400000 ms), received "25h" (90000000 ms)',
    ]);
    expect(problems((f) => (steady(f)['duration'] = '0s'))).toEqual([
      'experiment.scenarios.steady.duration: expected a duration > 0, received "0s"',
    ]);
  });

  it('names a missing field, and an unknown one with the likely intended one', () => {
    expect(problems((f) => delete steady(f)['preAllocatedVUs'])).toEqual([
      'experiment.scenarios.steady.preAllocatedVUs: required, missing',
    ]);
    expect(problems((f) => (steady(f)['maxVU'] = 3))[0]).toMatch(
      /^experiment\.scenarios\.steady\.maxVU: unknown field \(did you mean "maxVUs"\?\)/,
    );
    expect(problems((f) => delete (f as Record<string, unknown>)['scenarios'])).toEqual(['experiment.scenarios: required, missing']);
    expect(problems((f) => (f.scenarios = {}))).toEqual(['experiment.scenarios: expected at least 1 entry, received none']);
  });

  it('refuses a scenario name that is not one', () => {
    expect(problems((f) => (f.scenarios = { 'my scenario': steady(f) }))).toEqual([
      'experiment.scenarios["my scenario"]: expected the key to be a scenario name (a letter, then letters, digits, _ or -; at most 64 characters)',
    ]);
  });

  it('names a target that is not an agent of the topology, with the likely one', () => {
    expect(problems((f) => (steady(f)['target'] = 'echo1'))).toEqual([
      'experiment.scenarios.steady.target: expected an agent of experiment.topology.agents, received "echo1" (did you mean "echo-1"?)',
    ]);
  });

  it('refuses a malformed threshold and an unknown metric with their paths', () => {
    expect(problems((f) => (f.thresholds = { latency: ['p95<50'] }))[0]).toMatch(/^experiment\.thresholds\["latency"\]\[0\]: expected /);
    expect(problems((f) => (f.thresholds = { latncy: ['avg<5'] }))).toEqual([
      'experiment.thresholds["latncy"]: expected a known metric, received "latncy"',
    ]);
    expect(problems((f) => (f.thresholds = { latency: [{ threshold: 'avg<5', abortOnFail: 'yes' }] }))).toEqual([
      'experiment.thresholds.latency[0].abortOnFail: expected true or false, received string "yes"',
    ]);
  });

  it('refuses a rate beyond what one host schedules, and maxVUs below preAllocatedVUs', () => {
    expect(problems((f) => (steady(f)['rate'] = 1_000_000))).toEqual([
      'experiment.scenarios.steady.rate: expected at most 100000 iterations per second (what one host schedules), received 1000000 per 1000 ms = 1000000/s',
    ]);
    expect(problems((f) => (steady(f)['maxVUs'] = 5))).toEqual([
      'experiment.scenarios.steady.maxVUs: expected at least preAllocatedVUs (10), received 5',
    ]);
  });

  it('refuses a rate beyond one host whatever the timeUnit says, in a ramp too', () => {
    expect(problems((f) => Object.assign(steady(f), { rate: 200, timeUnit: '1ms' }))).toEqual([
      'experiment.scenarios.steady.rate: expected at most 100000 iterations per second (what one host schedules), received 200 per 1 ms = 200000/s',
    ]);
    const ramp = {
      executor: 'ramping-arrival-rate',
      stages: [{ duration: '10s', target: 200_000 }],
      preAllocatedVUs: 10,
      target: 'echo-1',
      message: { performative: 'inform' },
    };
    expect(problems((f) => (f.scenarios = { r: ramp }))).toEqual([
      'experiment.scenarios.r.stages: expected at most 100000 iterations per second (what one host schedules), received 200000 per 1000 ms = 200000/s',
    ]);
  });

  it('refuses negative durations wherever they are: a stage, a think time, a fault', () => {
    const ramp = { executor: 'ramping-vus', stages: [{ duration: -1, target: 5 }], target: 'echo-1', message: { performative: 'inform' } };
    expect(problems((f) => (f.scenarios = { r: ramp }))).toEqual([
      'experiment.scenarios.r.stages[0].duration: expected a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms"), ≥ 0 and at most 24h, received number -1',
    ]);
    expect(problems((f) => (steady(f)['thinkTime'] = { min: '-1s', max: '1s' }))).toEqual([
      'experiment.scenarios.steady.thinkTime.min: expected a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms"), ≥ 0 and at most 24h, received string "-1s"',
    ]);
    const fault = { target: { agents: ['echo-1'] }, probability: 0.5, effect: { kind: 'drop' } };
    expect(problems((f) => (f['chaos'] = { faults: [{ at: -10, fault }] }))).toEqual([
      'experiment.chaos.faults[0].at: expected a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms"), ≥ 0 and at most 24h, received number -10',
    ]);
  });

  it('refuses an unknown metric behind tags, and an aggregation its metric lacks', () => {
    expect(problems((f) => (f.thresholds = { 'latncy{scenario:steady}': ['p(95)<5'] }))[0]).toMatch(
      /^experiment\.thresholds\["latncy\{scenario:steady\}"\]: expected a known metric/,
    );
    expect(problems((f) => (f.thresholds = { latency: ['rate<0.1'] }))[0]).toMatch(/^experiment\.thresholds\["latency"\]\[0\]: expected /);
  });

  it('gives each scenario one client node by default, its name, and refuses a client an agent already is', () => {
    const e = parseLoadExperiment({ ...base(), scenarios: { ...base().scenarios, spread: { ...steady(base()), client: 'c-${vu}' } } });
    expect([e.scenarios['steady']!.client, e.scenarios['spread']!.client]).toEqual(['steady', 'c-${vu}']);
    expect(problems((f) => (f.scenarios = { 'echo-1': steady(f) }))).toEqual([
      'experiment.scenarios["echo-1"].client: expected a client name no agent of the topology has, received "echo-1" (the default: the scenario’s name; set "client")',
    ]);
  });

  it('applies k6 rules: shared iterations at least the VUs, a ramp that ever runs a VU', () => {
    const shared = { executor: 'shared-iterations', vus: 10, iterations: 5, target: 'echo-1', message: { performative: 'inform' } };
    expect(problems((f) => (f.scenarios = { s: shared }))).toEqual([
      'experiment.scenarios.s.iterations: expected at least as many iterations as VUs (10), received 5',
    ]);
    const ramp = {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [{ duration: '10s', target: 0 }],
      target: 'echo-1',
      message: { performative: 'inform' },
    };
    expect(problems((f) => (f.scenarios = { r: ramp }))).toEqual([
      'experiment.scenarios.r.stages: expected startVUs or a stage target above 0 (no VU would ever run)',
    ]);
  });

  it('names a bad placeholder in a template', () => {
    expect(problems((f) => (steady(f)['message'] = { performative: 'request', content: { n: '${rand:int:9:1}' } }))).toEqual([
      'experiment.scenarios.steady.message.content.n: ${rand:int:9:1}: expected rand:int:MIN:MAX with integers MIN ≤ MAX',
    ]);
  });

  it('asks for one of a chaos experiment and inline faults', () => {
    expect(problems((f) => (f['chaos'] = {}))).toEqual([
      'experiment.chaos: expected either "experiment" (a chaos experiment by name) or "faults", not both nor neither',
    ]);
    const e = parseLoadExperiment({
      ...base(),
      chaos: {
        faults: [{ at: '10s', duration: '5s', fault: { target: { agents: ['echo-1'] }, probability: 0.5, effect: { kind: 'drop' } } }],
      },
    });
    expect(e.chaos?.faults?.[0]).toMatchObject({ atMs: 10_000, durationMs: 5_000 });
  });

  it('checks a latency model', () => {
    expect(
      problems(
        (f) =>
          (f['latency'] = { link: { distribution: 'uniform', minMs: 9, maxMs: 1 }, agents: { ghost: { distribution: 'fixed', ms: 1 } } }),
      ),
    ).toEqual([
      'experiment.latency.link: expected minMs ≤ maxMs, received 9 and 1',
      'experiment.latency.agents["ghost"]: expected an agent of experiment.topology.agents, received "ghost"',
    ]);
    expect(problems((f) => (f['latency'] = { link: { distribution: 'gamma' } }))).toEqual([
      'experiment.latency.link.distribution: expected one of "fixed", "uniform", "lognormal", received string "gamma"',
    ]);
  });

  it('throws an error with the registry code and hint', () => {
    try {
      parseLoadExperiment({ schema: 'orrery.load/1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoadExperimentError);
      expect((e as LoadExperimentError).code).toBe('ORR302');
      expect((e as LoadExperimentError).problems).toEqual([
        'experiment.name: required, missing',
        'experiment.scenarios: required, missing',
      ]);
      expect((e as Error).message).toContain('src/experiments/load/experiment/schema.ts');
    }
  });

  it('leaves the agent kinds, which only the runner knows, to a helper', () => {
    const e = parseLoadExperiment(base());
    expect(loadKindProblems(e, ['echo', 'counter'])).toEqual([]);
    expect(loadKindProblems(e, ['ech0', 'counter'])).toEqual([
      'experiment.topology.agents[0].kind: expected a known agent kind (counter, ech0), received "echo" (did you mean "ech0"?)',
    ]);
  });
});
