import { describe, expect, it } from 'vitest';
import { defaultHypothesis } from './defaultHypothesis';
import { echoSoak } from './examples';
import { EXPERIMENT_JSON_SCHEMA } from './experimentSchema';
import { EXPERIMENT_LIMITS } from './limits';
import { deeperThan, ExperimentSchemaError, kindProblems, parseExperiment } from './parseExperiment';
import { MAX_PROBLEMS } from './schemaProblems';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
type Loose = Record<string, any>;
const base = (): Loose => JSON.parse(JSON.stringify(echoSoak({ faultMs: 3000 }))) as Loose;

function problems(value: unknown): string[] {
  try {
    parseExperiment(value);
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentSchemaError);
    return (e as ExperimentSchemaError).problems;
  }
  return [];
}

describe('experiment files: hardened parsing', () => {
  it('refuses with the registry code ORR301, the count, each problem and the hint (docs/errors.md)', () => {
    const e = base();
    e.schedule.phases[0].durationMs = -1;
    let error: unknown;
    try {
      parseExperiment(e);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExperimentSchemaError);
    const refusal = error as ExperimentSchemaError;
    expect(refusal.code).toBe('ORR301');
    const lines = refusal.message.split('\n');
    expect(lines[0]).toBe('ORR301: The experiment is not valid (1 problem):');
    expect(lines[1]).toMatch(/^- experiment\.schedule\.phases\[0\]\.durationMs: expected/);
    expect(lines.at(-1)).toBe(refusal.hint);
    expect(refusal.hint).toMatch(/experimentSchema\.ts/);
  });

  it('accepts $schema and fills in the default hypothesis when none is given', () => {
    const e = base();
    e.$schema = './orrery.experiment.schema.json';
    delete e.hypothesis;
    const parsed = parseExperiment(JSON.stringify(e));
    expect(parsed.$schema).toBe('./orrery.experiment.schema.json');
    expect(parsed.hypothesis).toEqual(defaultHypothesis());
    expect(parsed.hypothesis).toEqual([
      { probe: 'no-lost-messages' },
      { probe: 'success-rate', min: 0.99 },
      { probe: 'dead-letters', max: 0 },
    ]);
  });

  it('bounds durations, rates and counts with the documented maxima', () => {
    const e = base();
    e.schedule.phases[0].durationMs = 1e300;
    e.schedule.warmupMs = -5;
    e.workload.clients[0].timeoutMs = 'Infinity';
    e.topology.groups[0].intensity = 1.5;
    expect(problems(e)).toEqual([
      'experiment.topology.groups[0].intensity: expected an integer ≥ 0 and ≤ 1000000, received number 1.5',
      'experiment.workload.clients[0].timeoutMs: expected a number > 0 and ≤ 3600000, received string "Infinity"',
      'experiment.schedule.warmupMs: expected a number ≥ 0 and ≤ 3600000, received number -5',
      'experiment.schedule.phases[0].durationMs: expected a number > 0 and ≤ 3600000, received number 1e+300',
    ]);
  });

  it('refuses runs whose totals exceed the limits (time, requests, fault actions)', () => {
    const e = base();
    e.schedule.phases = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, durationMs: 3_600_000 }));
    e.workload.clients[0].ratePerSecond = 10_000;
    e.schedule.phases[0].pulses = [{ everyMs: 1, fault: { target: {}, probability: 1, effect: { kind: 'kill' } } }];
    const found = problems(e);
    expect(found).toContain(
      `experiment.schedule: expected a run of at most ${EXPERIMENT_LIMITS.runMs} ms in all (warm-up, steady state, phases, settles, recovery, drain), received 18013300 ms`,
    );
    expect(found.some((p) => p.startsWith(`experiment.workload: expected at most ${EXPERIMENT_LIMITS.requests} requests`))).toBe(true);
    expect(
      found.some((p) => p.startsWith(`experiment.schedule.phases: expected at most ${EXPERIMENT_LIMITS.actions} fault injections`)),
    ).toBe(true);
  });

  it('treats __proto__ and constructor as plain data: unknown fields, unsafe names, unknown kinds', () => {
    const text = JSON.stringify(base()).replace(
      '"name":"echo1","kind":"echo"',
      '"name":"echo1","kind":"constructor","__proto__":{"polluted":true}',
    );
    const found = problems(text.replace('"warmupMs":200', '"warmupMs":200,"constructor":1'));
    expect(found).toHaveLength(2);
    expect(found).toContain(
      'experiment.topology.agents[0].__proto__: unknown field (known: name, kind, config, limits, isolated, group, restart, redelivery)',
    );
    expect(found).toContain(
      'experiment.schedule.constructor: unknown field (known: warmupMs, steadyMs, phases, settleMs, recoveryMs, drainMs, setupTimeoutMs)',
    );
    expect(({} as Loose).polluted).toBeUndefined();
    const proto = base();
    proto.topology.agents[0].name = '__proto__';
    expect(problems(proto)[0]).toMatch(/^experiment\.topology\.agents\[0\]\.name: expected a name \(a letter or digit/);
    const ctor = parseExperiment(text.replace(',"__proto__":{"polluted":true}', ''));
    expect(ctor.topology.agents[0]!.kind).toBe('constructor');
    expect(kindProblems(ctor, ['echo', 'counter'])).toEqual([
      'experiment.topology.agents[0].kind: expected a known agent kind (counter, echo), received "constructor"',
    ]);
  });

  it('names an unknown kind with the known ones and a near match', () => {
    const e = base();
    e.topology.agents[1].kind = 'ecko';
    expect(kindProblems(parseExperiment(e), ['echo', 'text'])).toEqual([
      'experiment.topology.agents[1].kind: expected a known agent kind (echo, text), received "ecko" (did you mean "echo"?)',
    ]);
  });

  it('refuses deep nesting and oversize text before anything else looks at them', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const e = base();
    e.topology.agents[0].config = deep;
    expect(problems(e)).toEqual([
      `experiment.topology.agents[0].config${'[0]'.repeat(EXPERIMENT_LIMITS.depth - 4)}: expected at most ${EXPERIMENT_LIMITS.depth} levels of nested arrays and objects, received more`,
    ]);
    expect(deeperThan({ a: { b: 1 } }, 2)).toBeUndefined();
    expect(deeperThan({ a: { b: {} } }, 2)).toBe('/a/b');
    expect(problems(' '.repeat(EXPERIMENT_LIMITS.fileBytes + 1))).toEqual([
      `experiment: expected at most ${EXPERIMENT_LIMITS.fileBytes} bytes of JSON, received ${EXPERIMENT_LIMITS.fileBytes + 1}`,
    ]);
  });

  it('checks names, reserved names, references and duplicates', () => {
    const e = base();
    e.topology.clients = ['load', 'you'];
    e.topology.agents[2].name = 'echo1';
    e.topology.agents[0].group = 'nope';
    e.topology.links.push({ a: 'load', b: 'ghost' });
    e.name = 'bell\u0007';
    expect(problems(e)).toEqual(['experiment.name: expected text without control characters, received string "bell\\u0007"']);
    expect(problems({ ...e, name: 'ok' })).toEqual([
      'experiment.topology.clients[1]: expected a node name ("you" is reserved), received "you"',
      'experiment.topology.agents[2].name: expected a name no other agent, client or topic has, received "echo1" again',
      'experiment.topology.agents[0].group: expected a group of topology.groups (echoes), received "nope"',
      'experiment.topology.links[2].b: expected a node of the topology, received "echo3"',
      'experiment.topology.links[3].b: expected a node of the topology, received "ghost"',
      'experiment.workload.clients[0].targets[2]: expected an agent of the topology, received "echo3"',
    ]);
  });

  it('caps the problem list: the first ones, then how many more', () => {
    const e = base();
    e.topology.agents = Array.from({ length: 200 }, (_, i) => ({ name: `a${i}`, kind: 'echo', colour: 'red' }));
    const found = problems(e);
    expect(found).toHaveLength(MAX_PROBLEMS + 1);
    expect(found[MAX_PROBLEMS]).toBe('… and 150 more problems');
  });

  it('is a draft-07 schema with an id and a description on every top-level field', () => {
    expect(EXPERIMENT_JSON_SCHEMA['$id']).toMatch(/^https:/);
    const props = EXPERIMENT_JSON_SCHEMA['properties'] as Record<string, { description?: string }>;
    for (const [key, value] of Object.entries(props)) expect(value.description, key).toBeTruthy();
  });
});

describe('topologyProblems', () => {
  it('finds what the kernel would refuse while building, without spawning anything', async () => {
    const { topologyProblems } = await import('./topologyProblems');
    const e = parseExperiment(base());
    expect(topologyProblems(e.topology)).toEqual([]);
    e.topology.commands = [{ type: 'agent.stop', name: 'ghost' }];
    expect(topologyProblems(e.topology)).toEqual([expect.stringMatching(/^commands\[0\] \(agent\.stop\): ORR012: /)]);
  });
});
