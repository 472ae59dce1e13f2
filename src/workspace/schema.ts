/**
 * JSON Schemas of the workspace file, one per version that can be imported (the current
 * one is what exported files name in `$schema`). Shapes and bounds only (the maxima are in
 * `limits.ts`): cross-references (names, links, kinds, modules, groups) are checked
 * afterwards in `crossCheck.ts`. Items of the long lists are `$defs`, so they can also be
 * checked one at a time and the check can stop early (`schemaProblems.ts`).
 */
import { TOPIC_PREFIX } from '../protocol/message';
import { RESERVED_NAMES } from '../protocol/names';
import { WORKSPACE_LIMITS as L } from './limits';

/** What exported files name in `$schema`; on import any reference is accepted (a local copy is fine). */
export const WORKSPACE_SCHEMA_ID = 'https://orrery.dev/schemas/orrery.workspace-2.schema.json';
export const WORKSPACE_SCHEMA_V1_ID = 'https://orrery.dev/schemas/orrery.workspace-1.schema.json';

/**
 * Node names, as the network takes them (src/protocol/names.ts, `nameProblem`, which is
 * also applied): no whitespace, control characters, parentheses or quotes, not a topic
 * address; the reserved names are excluded beside it. Names such as `__proto__` are fine:
 * nothing keys an object by a name without an own-key check.
 */
export const NODE_NAME_PATTERN = `^(?!${TOPIC_PREFIX})[^\\s\\u0000-\\u001f\\u007f()"]+$`;
/** Agent kinds: a built-in id (`echo`, `cnet-manager`) or `custom:` + a module's SHA-256. */
export const KIND_PATTERN = `^(?:custom:[0-9a-f]{64}|[a-z][a-z0-9-]{0,${L.kindLength - 1}})$`;
/** Titles (workspace, module label, experiment): printable text, no control characters. */
export const TITLE_PATTERN = '^[^\\u0000-\\u001f\\u007f]+$';

const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;
const num = (minimum: number, maximum: number) => ({ type: 'number', minimum, maximum }) as const;
const ref = (def: string) => ({ $ref: `#/$defs/${def}` }) as const;

/** Shared by both versions (and the node names of pattern scenarios). */
export const commonDefs = {
  name: {
    type: 'string',
    minLength: 1,
    maxLength: L.nameLength,
    pattern: NODE_NAME_PATTERN,
    not: { enum: [...RESERVED_NAMES] },
  },
  kind: {
    type: 'string',
    minLength: 1,
    maxLength: L.kindLength,
    pattern: KIND_PATTERN,
  },
  title: {
    type: 'string',
    minLength: 1,
    maxLength: L.titleLength,
    pattern: TITLE_PATTERN,
  },
  coordinate: num(-L.coordinate, L.coordinate),
  /** Where an editor finds the schema: a URL or a path to a local copy. */
  schemaRef: { type: 'string', minLength: 1, maxLength: L.schemaRefLength, pattern: TITLE_PATTERN },
} as const;

const position = {
  type: 'object',
  required: ['x', 'y'],
  additionalProperties: false,
  properties: { x: ref('coordinate'), y: ref('coordinate') },
} as const;

const limits = {
  type: 'object',
  additionalProperties: false,
  properties: {
    deadlineMs: int(1, L.durationMs),
    memoryPages: int(1, L.memoryPages),
    mailboxCapacity: int(1, L.count),
    maxMessageBytes: int(1, L.messageBytes),
    overflow: { enum: ['reject', 'drop-oldest'] },
    maxConcurrent: int(1, L.count),
  },
} as const;

const agentNode = {
  type: 'object',
  required: ['type', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    type: { const: 'agent' },
    name: ref('name'),
    kind: ref('kind'),
    config: {},
    limits,
    group: ref('name'),
    isolated: { type: 'boolean' },
    restart: { enum: ['permanent', 'transient', 'temporary'] },
    redelivery: { enum: ['once', 'never'] },
    position,
  },
} as const;

const plainNode = (type: 'topic' | 'client') =>
  ({
    type: 'object',
    required: ['type', 'name'],
    additionalProperties: false,
    properties: { type: { const: type }, name: ref('name'), position },
  }) as const;

const backoff = {
  type: 'object',
  required: ['minMs', 'maxMs', 'randomFactor'],
  additionalProperties: false,
  properties: {
    minMs: num(0, L.durationMs),
    maxMs: num(0, L.durationMs),
    randomFactor: num(0, L.randomFactor),
  },
} as const;

const groupNode = {
  type: 'object',
  required: ['type', 'name', 'strategy'],
  additionalProperties: false,
  properties: {
    type: { const: 'group' },
    name: ref('name'),
    strategy: { enum: ['one_for_one', 'one_for_all', 'rest_for_one'] },
    intensity: int(0, L.count),
    periodMs: int(1, L.durationMs),
    backoff,
    parent: ref('name'),
    position,
  },
} as const;

/**
 * Shape only: a saved experiment may be a draft, and a draft must not make its workspace
 * unopenable; the experiment's own checker (parseExperiment) runs before it is run.
 */
const experiment = {
  type: 'object',
  required: ['schema', 'name', 'topology', 'workload', 'hypothesis', 'schedule'],
  properties: {
    schema: { const: 'orrery.experiment/1' },
    name: ref('title'),
    topology: { type: 'object' },
    workload: { type: 'object' },
    hypothesis: { type: 'array' },
    schedule: { type: 'object' },
  },
} as const;

/** Shape only, like `experiment`: the load file's own parser runs before it is run. */
const load = {
  type: 'object',
  required: ['schema', 'name', 'scenarios'],
  properties: {
    schema: { const: 'orrery.load/1' },
    name: ref('title'),
    scenarios: { type: 'object' },
  },
} as const;

/** Shape only: the contracts parser checks every schema in it before the contracts are used. */
const contracts = {
  type: 'object',
  required: ['schema', 'version', 'kinds'],
  properties: {
    schema: { const: 'orrery.contract/1' },
    version: { type: 'string', minLength: 1, maxLength: 200 },
    kinds: { type: 'object' },
  },
} as const;

const moduleEntry = {
  type: 'object',
  required: ['kind', 'label', 'hash', 'bytes'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', pattern: '^custom:[0-9a-f]{64}$' },
    label: ref('title'),
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    bytes: { type: 'string', minLength: 1, maxLength: L.moduleBase64 },
  },
} as const;

/** Version 2: the current document. */
export const WORKSPACE_SCHEMA_V2 = {
  $id: WORKSPACE_SCHEMA_ID,
  title: 'Orrery workspace, version 2',
  type: 'object',
  required: ['orrery', 'version', 'name', 'nodes', 'links', 'modules', 'composerHistory'],
  additionalProperties: false,
  properties: {
    $schema: ref('schemaRef'),
    orrery: { const: 'workspace' },
    version: { const: 2 },
    name: ref('title'),
    nodes: { type: 'array', maxItems: L.nodes, items: ref('node') },
    links: { type: 'array', maxItems: L.links, items: ref('link') },
    modules: { type: 'array', maxItems: L.modules, items: ref('module') },
    composerHistory: { type: 'array', maxItems: L.composerHistory },
    experiments: {
      type: 'array',
      maxItems: L.experiments,
      items: ref('experiment'),
    },
    loads: {
      type: 'array',
      maxItems: L.loads,
      items: ref('load'),
    },
    contracts: ref('contracts'),
  },
  $defs: {
    ...commonDefs,
    node: {
      type: 'object',
      discriminator: { propertyName: 'type' },
      oneOf: [agentNode, plainNode('topic'), plainNode('client'), groupNode],
    },
    link: {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: false,
      properties: { a: ref('name'), b: ref('name') },
    },
    module: moduleEntry,
    experiment,
    load,
    contracts,
  },
} as const;

/** Version 1: the earliest shape (agents only, flat positions, links as pairs). */
export const WORKSPACE_SCHEMA_V1 = {
  $id: WORKSPACE_SCHEMA_V1_ID,
  title: 'Orrery workspace, version 1',
  type: 'object',
  required: ['orrery', 'version', 'name', 'agents', 'links'],
  additionalProperties: false,
  properties: {
    $schema: ref('schemaRef'),
    orrery: { const: 'workspace' },
    version: { const: 1 },
    name: ref('title'),
    agents: { type: 'array', maxItems: L.nodes, items: ref('agent') },
    links: { type: 'array', maxItems: L.links, items: ref('link') },
  },
  $defs: {
    ...commonDefs,
    agent: {
      type: 'object',
      required: ['name', 'kind'],
      additionalProperties: false,
      properties: {
        name: ref('name'),
        kind: ref('kind'),
        config: {},
        x: ref('coordinate'),
        y: ref('coordinate'),
      },
    },
    link: { type: 'array', minItems: 2, maxItems: 2, items: ref('name') },
  },
} as const;
