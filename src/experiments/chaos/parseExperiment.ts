/**
 * Checks an experiment file (parsed JSON or text) against the schema and returns it typed,
 * or throws ExperimentSchemaError listing every problem with its path.
 */
import { PERFORMATIVES } from '../../protocol/performatives';
import { EXPERIMENT_SCHEMA, type Experiment } from './types';
import { any, array, bool, object, oneOf, opt, num, str, tagged, type Check } from './validate';

export class ExperimentSchemaError extends Error {
  override readonly name = 'ExperimentSchemaError';
  readonly code = 'experiment-invalid';
  constructor(readonly problems: string[]) {
    super(`The experiment is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
  }
}

const ms = (opts: { positive?: boolean } = {}) => num({ min: 0, exclusiveMin: opts.positive === true });
const range = object({ min: ms(), max: ms() });
const names = array(str());
const windows = array(oneOf(['before', 'during', 'after']));

const backoff = object({ minMs: ms(), maxMs: ms(), randomFactor: num({ min: 0, max: 1 }) });
const supervisor = object({
  name: str(),
  strategy: oneOf(['one_for_one', 'one_for_all', 'rest_for_one']),
  intensity: num({ min: 0, integer: true }),
  periodMs: ms({ positive: true }),
  backoff,
  parent: opt(str()),
});

const limits = object({
  deadlineMs: opt(ms({ positive: true })),
  memoryPages: opt(num({ min: 0, integer: true })),
  mailboxCapacity: opt(num({ min: 1, integer: true })),
  maxMessageBytes: opt(num({ min: 1, integer: true })),
  overflow: opt(oneOf(['reject', 'drop-oldest'])),
  maxConcurrent: opt(num({ min: 1, integer: true })),
});

const agent = object({
  name: str(),
  kind: str(),
  config: opt(any()),
  limits: opt(limits),
  isolated: opt(bool()),
  group: opt(str()),
  restart: opt(oneOf(['permanent', 'transient', 'temporary'])),
  redelivery: opt(oneOf(['once', 'never'])),
});

const linkPolicy = object({
  delivery: opt(oneOf(['at-most-once', 'at-least-once'])),
  retry: opt(object({ initialMs: ms(), maxMs: ms(), maxAttempts: num({ min: 1, integer: true }) })),
  breaker: opt(object({ failures: num({ min: 1, integer: true }), windowMs: ms({ positive: true }), openMs: ms({ positive: true }) })),
});

const link = object({ id: opt(str()), a: str(), b: str(), policy: opt(linkPolicy) });

const command: Check = (v, p, out) => {
  if (v === null || typeof v !== 'object' || typeof (v as { type?: unknown }).type !== 'string') out.push(`${p}: expected a command object with a "type", received ${JSON.stringify(v)?.slice(0, 60)}`);
};

const effect = tagged('kind', {
  latency: object({ kind: str(), ms: ms(), jitterMs: ms() }),
  drop: object({ kind: str() }),
  duplicate: object({ kind: str() }),
  reorder: object({ kind: str(), windowMs: ms({ positive: true }) }),
  corrupt: object({ kind: str(), field: oneOf(['performative', 'receiver', 'content', 'conversation_id', 'in_reply_to']) }),
  partition: object({ kind: str(), groups: array(names, { nonEmpty: true }), direction: oneOf(['both', 'one-way']) }),
  bandwidth: object({ kind: str(), bytesPerSecond: num({ min: 0, exclusiveMin: true }) }),
  kill: object({ kind: str() }),
  crash: object({ kind: str() }),
  hang: object({ kind: str() }),
  slow: object({ kind: str(), ms: ms() }),
  'clock-skew': object({ kind: str(), ms: num() }),
});

const fault = object({
  id: opt(str()),
  target: object({ links: opt(names), agents: opt(names) }),
  performatives: opt(array(oneOf(PERFORMATIVES))),
  probability: num({ min: 0, max: 1 }),
  effect,
});

const pulse = object({ everyMs: ms({ positive: true }), holdMs: opt(ms()), pick: opt(oneOf(['all', 'one'])), fault });

const phase = object({
  name: str(),
  durationMs: ms({ positive: true }),
  faults: opt(array(fault)),
  pulses: opt(array(pulse)),
  settleMs: opt(ms()),
  probes: opt(names),
});

const base = { id: opt(str()), windows: opt(windows), probe: str() };
const probe = tagged('probe', {
  latency: object({ ...base, percentile: num({ min: 0, max: 100 }), maxMs: ms(), only: opt(oneOf(['all', 'success'])) }),
  'no-lost-messages': object(base),
  'all-agents-running': object({ ...base, agents: opt(names) }),
  'dead-letters': object({ ...base, max: num({ min: 0, integer: true }) }),
  'success-rate': object({ ...base, min: num({ min: 0, max: 1 }) }),
  restarts: object({ ...base, max: num({ min: 0, integer: true }) }),
  throughput: object({ ...base, minPerSecond: num({ min: 0 }) }),
});

const clientLoad = object({
  client: str(),
  targets: array(str(), { nonEmpty: true }),
  ratePerSecond: num({ min: 0, exclusiveMin: true, max: 100_000 }),
  arrival: opt(oneOf(['uniform', 'poisson'])),
  pick: opt(oneOf(['round-robin', 'random'])),
  performative: opt(oneOf(PERFORMATIVES)),
  content: opt(any()),
  timeoutMs: ms({ positive: true }),
});

const experiment = object({
  schema: oneOf([EXPERIMENT_SCHEMA]),
  name: str(),
  description: opt(str({ nonEmpty: false })),
  seed: opt(num({ min: 0, max: 0xffffffff, integer: true })),
  topology: object({
    groups: opt(array(supervisor)),
    clients: opt(names),
    topics: opt(names),
    agents: array(agent),
    links: opt(array(link)),
    commands: opt(array(command)),
  }),
  workload: object({ clients: array(clientLoad) }),
  hypothesis: array(probe),
  schedule: object({
    warmupMs: ms(),
    steadyMs: ms(),
    phases: array(phase),
    settleMs: ms(),
    recoveryMs: ms(),
    drainMs: opt(ms()),
    setupTimeoutMs: opt(ms({ positive: true })),
  }),
  simulation: opt(object({ handleMs: opt(range), spawnMs: opt(range) })),
});

/** Cross-field rules the shape alone cannot say. */
function crossCheck(e: Experiment, out: string[]): void {
  const agents = new Set(e.topology.agents.map((a) => a.name));
  const clients = new Set(e.topology.clients ?? []);
  e.workload.clients.forEach((c, i) => {
    if (!clients.has(c.client)) out.push(`experiment.workload.clients[${i}].client: expected a client listed in topology.clients (${[...clients].join(', ') || 'none'}), received ${JSON.stringify(c.client)}`);
    c.targets.forEach((t, j) => {
      if (!agents.has(t) && !clients.has(t)) out.push(`experiment.workload.clients[${i}].targets[${j}]: expected an agent of the topology, received ${JSON.stringify(t)}`);
    });
  });
  const ids = probeIds(e);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(`experiment.hypothesis[${i}].id: expected a unique probe id, received ${JSON.stringify(id)} (already used by an earlier probe; set "id")`);
    seen.add(id);
  });
  const phases = new Set<string>();
  e.schedule.phases.forEach((ph, i) => {
    const at = `experiment.schedule.phases[${i}]`;
    if (phases.has(ph.name)) out.push(`${at}.name: expected a unique phase name, received ${JSON.stringify(ph.name)} twice`);
    phases.add(ph.name);
    (ph.probes ?? []).forEach((id, j) => {
      if (!ids.includes(id)) out.push(`${at}.probes[${j}]: expected a probe id (${ids.join(', ')}), received ${JSON.stringify(id)}`);
    });
    (ph.pulses ?? []).forEach((pu, j) => {
      if (pu.pick === 'one' && !(pu.fault.target.agents?.length || pu.fault.target.links?.length)) {
        out.push(`${at}.pulses[${j}].fault.target: pick "one" needs agents or links to pick from, received none`);
      }
      if (pu.holdMs !== undefined && pu.holdMs > pu.everyMs) out.push(`${at}.pulses[${j}].holdMs: expected at most everyMs (${pu.everyMs}), received ${pu.holdMs}`);
    });
    const faultIds = new Set<string>();
    (ph.faults ?? []).forEach((f, j) => {
      if (f.id === undefined) return;
      if (faultIds.has(f.id)) out.push(`${at}.faults[${j}].id: expected a unique fault id, received ${JSON.stringify(f.id)} twice`);
      faultIds.add(f.id);
    });
  });
  for (const key of ['handleMs', 'spawnMs'] as const) {
    const r = e.simulation?.[key];
    if (r && r.min > r.max) out.push(`experiment.simulation.${key}: expected min ≤ max, received min ${r.min}, max ${r.max}`);
  }
}

/** The probes' ids, defaulted: the probe name, suffixed #2, #3 when it repeats. */
export function probeIds(e: Pick<Experiment, 'hypothesis'>): string[] {
  const count = new Map<string, number>();
  return e.hypothesis.map((p) => {
    if (p.id !== undefined) return p.id;
    const n = (count.get(p.probe) ?? 0) + 1;
    count.set(p.probe, n);
    return n === 1 ? p.probe : `${p.probe}#${n}`;
  });
}

export function parseExperiment(input: unknown): Experiment {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new ExperimentSchemaError([`experiment: expected JSON text, received text that does not parse (${(e as Error).message})`]);
    }
  }
  const problems: string[] = [];
  experiment(value, 'experiment', problems);
  if (problems.length === 0) crossCheck(value as Experiment, problems);
  if (problems.length > 0) throw new ExperimentSchemaError(problems);
  return value as Experiment;
}
