/**
 * Building blocks of the experiment JSON Schema: bounded numbers, names, and the parts
 * shared with the kernel's vocabulary (agent specs, link policies, faults, probes).
 */
import { PERFORMATIVES } from '../../protocol/performatives';
import { EXPERIMENT_LIMITS as L, ID_PATTERN, KIND_PATTERN, LABEL_PATTERN, NAME_PATTERN } from './limits';

export type JsonSchema = Record<string, unknown>;

export const text = (description: string, maxLength: number, pattern?: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...(pattern ? { pattern } : {}),
  description,
});

/**
 * Shapes used in many places live once under `definitions` and are referenced: the
 * validator ajv generates then checks each in one function instead of dozens of copies.
 */
export const ref = (definition: keyof typeof SHARED, description?: string): JsonSchema => ({
  $ref: `#/definitions/${definition}`,
  ...(description ? { description } : {}),
});

const SHARED = {
  name: { type: 'string', pattern: NAME_PATTERN },
  id: { type: 'string', pattern: ID_PATTERN },
  label: { type: 'string', pattern: LABEL_PATTERN },
  kind: { type: 'string', pattern: KIND_PATTERN },
  ms: { type: 'number', minimum: 0, maximum: L.durationMs },
  positiveMs: { type: 'number', exclusiveMinimum: 0, maximum: L.durationMs },
  fraction: { type: 'number', minimum: 0, maximum: 1 },
} as const;

export const name = (description: string): JsonSchema => ref('name', description);
export const id = (description: string): JsonSchema => ref('id', description);
export const label = (description: string): JsonSchema => ref('label', description);
export const kind = (): JsonSchema => ref('kind', 'Agent kind: a built-in kind such as "echo", or "custom:<module hash>".');

export const list = (items: JsonSchema, description: string, maxItems: number = L.listItems, minItems = 0): JsonSchema => ({
  type: 'array',
  items,
  maxItems,
  ...(minItems > 0 ? { minItems } : {}),
  description,
});
export const names = (description: string): JsonSchema => list(name('A node name.'), description);

/** Milliseconds, at most one hour; `positive` excludes 0. */
export const ms = (description: string, positive = false): JsonSchema =>
  ref(positive ? 'positiveMs' : 'ms', `${description} (ms, ${positive ? '> 0' : '≥ 0'}, at most ${L.durationMs})`);
export const int = (description: string, minimum: number, maximum: number): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
  description: `${description} (${minimum}–${maximum})`,
});
export const fraction = (description: string): JsonSchema => ref('fraction', `${description} (0–1)`);
export const oneOf = (values: readonly string[], description: string): JsonSchema => ({ enum: [...values], description });

export const obj = (properties: Record<string, JsonSchema>, required: string[], description: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
  description,
});

/** A tagged union: one branch per tag value, chosen by ajv's discriminator (errors name the branch). */
export function tagged(
  tag: string,
  branches: Record<string, { description: string; properties?: Record<string, JsonSchema>; required?: string[] }>,
  extra: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    discriminator: { propertyName: tag },
    oneOf: Object.entries(branches).map(([value, b]) => ({
      type: 'object',
      additionalProperties: false,
      required: [tag, ...(b.required ?? Object.keys(b.properties ?? {}))],
      properties: { ...extra, [tag]: { const: value, description: b.description }, ...b.properties },
    })),
  };
}

export const PERFORMATIVE = oneOf(PERFORMATIVES, 'A FIPA performative.');

export const AGENT_LIMITS = obj(
  {
    deadlineMs: ms('Watchdog deadline per message', true),
    memoryPages: int('WebAssembly memory maximum in 64 KiB pages', 1, L.memoryPages),
    mailboxCapacity: int('Messages the mailbox holds', 1, L.count),
    maxMessageBytes: int('Largest message accepted', 1, L.messageBytes),
    overflow: oneOf(['reject', 'drop-oldest'], 'What a full mailbox does.'),
    maxConcurrent: int('Messages handled at once', 1, L.count),
  },
  [],
  'Resource limits of the agent.',
);

export const AGENT = obj(
  {
    name: name('Agent name, unique among nodes.'),
    kind: kind(),
    config: { description: 'Passed to the agent at init (any JSON).' },
    limits: AGENT_LIMITS,
    isolated: { type: 'boolean', description: 'Run in a worker of its own.' },
    group: name('Supervision group (in topology.groups).'),
    restart: oneOf(['permanent', 'transient', 'temporary'], 'Restart type under supervision.'),
    redelivery: oneOf(['once', 'never'], 'Redeliver the in-flight message after a crash.'),
  },
  ['name', 'kind'],
  'An agent to deploy.',
);

export const GROUP = obj(
  {
    name: name('Group name.'),
    strategy: oneOf(['one_for_one', 'one_for_all', 'rest_for_one'], 'OTP restart strategy.'),
    intensity: int('Restarts allowed within periodMs', 0, L.count),
    periodMs: ms('Restart intensity period', true),
    backoff: obj(
      { minMs: ms('Smallest restart delay'), maxMs: ms('Largest restart delay'), randomFactor: fraction('Jitter') },
      ['minMs', 'maxMs', 'randomFactor'],
      'Restart backoff.',
    ),
    parent: name('Enclosing group.'),
  },
  ['name', 'strategy', 'intensity', 'periodMs', 'backoff'],
  'A supervision group.',
);

const retry = (description: string) =>
  obj(
    { initialMs: ms('First retry delay'), maxMs: ms('Largest retry delay'), maxAttempts: int('Sends in all', 1, L.attempts) },
    ['initialMs', 'maxMs', 'maxAttempts'],
    description,
  );

export const LINK_POLICY = obj(
  {
    delivery: oneOf(['at-most-once', 'at-least-once'], 'Delivery guarantee of the link.'),
    retry: retry('at-least-once: resend unacknowledged messages.'),
    breaker: obj(
      {
        failures: int('Failures that open the breaker', 1, L.attempts),
        windowMs: ms('Failure window', true),
        openMs: ms('Open time', true),
      },
      ['failures', 'windowMs', 'openMs'],
      'Circuit breaker.',
    ),
    requestRetry: {
      ...retry('Kernel-side retry of failed requests.'),
      properties: {
        ...(retry('').properties as object),
        reasons: list(text('A failure reason.', 64, '^[a-z-]+$'), 'Reasons that are retried.', 32),
      },
    },
  },
  [],
  'Link policy.',
);

const EFFECT = tagged('kind', {
  latency: { description: 'Delay messages.', properties: { ms: ms('Added delay'), jitterMs: ms('Random extra delay') } },
  drop: { description: 'Lose messages.' },
  duplicate: { description: 'Deliver messages twice.' },
  reorder: { description: 'Shuffle messages within a window.', properties: { windowMs: ms('Reorder window', true) } },
  corrupt: {
    description: 'Damage a field.',
    properties: { field: oneOf(['performative', 'receiver', 'content', 'conversation_id', 'in_reply_to'], 'The field to damage.') },
  },
  partition: {
    description: 'Split the network.',
    properties: {
      groups: list(names('Nodes on one side.'), 'Sides of the partition.', 100, 1),
      direction: oneOf(['both', 'one-way'], 'Both ways, or only from earlier to later groups.'),
    },
  },
  bandwidth: {
    description: 'Cap throughput.',
    properties: { bytesPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: L.bytesPerSecond, description: 'Bytes per second.' } },
  },
  kill: { description: 'Kill the agent.' },
  crash: { description: 'Trap on the next message.' },
  hang: { description: 'Spin on the next message (the watchdog acts).' },
  slow: { description: 'Add handling time.', properties: { ms: ms('Added handling time') } },
  'clock-skew': {
    description: 'Shift the agent clock.',
    properties: { ms: { type: 'number', minimum: -L.durationMs, maximum: L.durationMs, description: 'Clock offset (ms, ±1 h).' } },
  },
});

const FAULT_SHAPE = obj(
  {
    id: id('Fault id (default <phase>/<index>).'),
    target: obj(
      { links: list(id('A link id.'), 'Links by id.'), agents: names('Agents by name.') },
      [],
      'What the fault hits; empty = everything it applies to.',
    ),
    performatives: list(PERFORMATIVE, 'Only messages with these performatives.', 22),
    probability: fraction('Chance per message or per application'),
    effect: { $ref: '#/definitions/effect' },
  },
  ['target', 'probability', 'effect'],
  'A fault.',
);

const windows = list(oneOf(['before', 'during', 'after'], 'A window.'), 'Where the probe is checked; default all three.', 3);
const PROBE_SHAPE = tagged(
  'probe',
  {
    latency: {
      description: 'A latency percentile stays below a bound.',
      properties: {
        percentile: { type: 'number', minimum: 0, maximum: 100, description: 'Percentile (0–100).' },
        maxMs: ms('Bound'),
        only: oneOf(['all', 'success'], 'Which answers count.'),
      },
      required: ['percentile', 'maxMs'],
    },
    'no-lost-messages': { description: 'Every request has exactly one answer by the end of the run.' },
    'all-agents-running': {
      description: 'Every agent (or those named) runs at the window end.',
      properties: { agents: names('Agents to check.') },
      required: [],
    },
    'dead-letters': {
      description: 'At most `max` dead letters in the window.',
      properties: { max: int('Dead letters allowed', 0, L.count) },
    },
    'success-rate': {
      description: 'Share of requests whose first answer is not a failure.',
      properties: { min: fraction('Smallest share') },
    },
    restarts: { description: 'At most `max` restarts in the window.', properties: { max: int('Restarts allowed', 0, L.count) } },
    throughput: {
      description: 'Successful requests per second.',
      properties: { minPerSecond: { type: 'number', minimum: 0, maximum: L.count, description: 'Smallest rate.' } },
    },
  },
  { id: label('Probe id, unique (default the probe name, #2, #3 when repeated).'), windows },
);

export const FAULT: JsonSchema = { $ref: '#/definitions/fault' };
export const PROBE: JsonSchema = { $ref: '#/definitions/probe' };

/** The `definitions` of the experiment schema. */
export const DEFINITIONS: Record<string, JsonSchema> = { ...SHARED, effect: EFFECT, fault: FAULT_SHAPE, probe: PROBE_SHAPE };
