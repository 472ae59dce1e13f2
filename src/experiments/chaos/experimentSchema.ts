/**
 * The JSON Schema of an experiment file (`orrery.experiment/1`): one description that
 * validates files (ajv, see schemaProblems) and drives completion in the Chaos panel's
 * JSON editor. What a schema cannot say (references between parts, totals) is checked in
 * crossCheck.
 */
import { EXPERIMENT_LIMITS as L, TEXT_PATTERN } from './limits';
import {
  AGENT,
  DEFINITIONS,
  FAULT,
  GROUP,
  LINK_POLICY,
  PROBE,
  PERFORMATIVE,
  id,
  int,
  label,
  list,
  ms,
  name,
  obj,
  oneOf,
  text,
  type JsonSchema,
} from './schemaParts';
import { EXPERIMENT_SCHEMA } from './types';

/** Where `$schema` in a file may point; any string is accepted (a local copy is fine). */
export const EXPERIMENT_SCHEMA_ID = 'https://orrery.dev/schemas/orrery.experiment-1.schema.json';

const KERNEL_COMMANDS = [
  'agent.deploy',
  'agent.stop',
  'agent.start',
  'agent.restart',
  'agent.suspend',
  'agent.resume',
  'topic.create',
  'client.create',
  'node.remove',
  'link.add',
  'link.remove',
  'link.configure',
  'group.create',
  'agent.configure',
  'group.configure',
  'chaos.inject',
  'chaos.clear',
  'message.send',
];

const topology = obj(
  {
    groups: list(GROUP, 'Supervision groups, created first.', L.groups),
    clients: list(name('A client node: sends the workload.'), 'Client nodes.', L.clients),
    topics: list(name('A topic node.'), 'Topic nodes.', L.topics),
    agents: list(AGENT, 'Agents to deploy.', L.agents),
    links: list(
      obj(
        { id: id('Link id (default <a>--<b>).'), a: name('One end.'), b: name('The other end.'), policy: LINK_POLICY },
        ['a', 'b'],
        'A link between two nodes.',
      ),
      'Links: messages travel only along them.',
      L.links,
    ),
    commands: list(
      {
        type: 'object',
        required: ['type'],
        properties: { type: oneOf(KERNEL_COMMANDS, 'Kernel command type.') },
        description: 'A kernel command (checked by the kernel).',
      },
      'Extra kernel commands applied after the rest, in order.',
      L.commands,
    ),
  },
  ['agents'],
  'The system under test.',
);

const clientLoad = obj(
  {
    client: name('A client node of topology.clients, linked to each target.'),
    targets: list(name('An agent of the topology.'), 'Receivers of the requests.', L.listItems, 1),
    ratePerSecond: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: L.ratePerSecond,
      description: `Requests per second (> 0, at most ${L.ratePerSecond}).`,
    },
    arrival: oneOf(['uniform', 'poisson'], 'uniform: evenly spaced; poisson: exponential gaps from the seed. Default uniform.'),
    pick: oneOf(['round-robin', 'random'], 'How a target is chosen. Default round-robin.'),
    performative: PERFORMATIVE,
    content: { description: 'Sent as is (any JSON). Default {"seq": n}.' },
    timeoutMs: ms('reply_by = now + timeoutMs', true),
  },
  ['client', 'targets', 'ratePerSecond', 'timeoutMs'],
  'One client of the workload.',
);

const pulse = obj(
  {
    everyMs: {
      type: 'number',
      minimum: 1,
      maximum: L.durationMs,
      description: 'Inject at the phase start and every everyMs after (ms, 1 to 3600000).',
    },
    holdMs: ms('Cleared this long after each injection (default everyMs / 2)'),
    pick: oneOf(['all', 'one'], 'one: each pulse hits one target drawn from the seed. Default all.'),
    fault: FAULT,
  },
  ['everyMs', 'fault'],
  'A fault injected again and again within the phase.',
);

const phase = obj(
  {
    name: label('Phase name, unique.'),
    durationMs: ms('Length of the phase', true),
    faults: list(FAULT, 'Injected at the start, cleared at the end.', L.faultsPerPhase),
    pulses: list(pulse, 'Repeated faults.', L.faultsPerPhase),
    settleMs: ms('Unchecked time after the faults are cleared'),
    probes: list(label('A probe id.'), 'Probes checked in this phase (default: those whose windows include "during").', L.probes),
  },
  ['name', 'durationMs'],
  'A fault phase.',
);

const schedule = obj(
  {
    warmupMs: ms('Workload runs, nothing checked'),
    steadyMs: ms('Steady state checked (window "before")'),
    phases: list(phase, 'Fault phases in order.', L.phases),
    settleMs: ms('Unchecked time after the last phase'),
    recoveryMs: ms('Recovery checked (window "after")'),
    drainMs: ms('After the workload stops (default the longest timeout + 100 ms)'),
    setupTimeoutMs: ms('Live runs: wait for every agent to run', true),
  },
  ['warmupMs', 'steadyMs', 'phases', 'settleMs', 'recoveryMs'],
  'Timeline: warm-up, before, phases, settle, after, drain.',
);

const range = (description: string) => obj({ min: ms('Smallest'), max: ms('Largest') }, ['min', 'max'], description);

export const EXPERIMENT_JSON_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: EXPERIMENT_SCHEMA_ID,
  title: 'Orrery chaos experiment',
  definitions: DEFINITIONS,
  ...obj(
    {
      $schema: text('Where this schema lives (any URI or path).', 500),
      schema: { const: EXPERIMENT_SCHEMA, description: 'File format and version.' },
      name: text('Experiment name (printable text).', L.titleLength, TEXT_PATTERN),
      description: { type: 'string', maxLength: L.descriptionLength, description: 'What the experiment shows.' },
      seed: int('Seed when the runner is given none', 0, 0xffffffff),
      topology,
      workload: obj({ clients: list(clientLoad, 'Workload clients.', L.clients) }, ['clients'], 'Requests sent while the experiment runs.'),
      hypothesis: list(
        PROBE,
        'Steady-state hypothesis. Default: no lost messages, success rate ≥ 0.99, no dead letters, in every window.',
        L.probes,
      ),
      schedule,
      simulation: obj(
        { handleMs: range('Handling time per message.'), spawnMs: range('Time to spawn an agent.') },
        [],
        'Simulated durations (simulation only).',
      ),
    },
    ['schema', 'name', 'topology', 'workload', 'schedule'],
    'An Orrery chaos experiment.',
  ),
};
