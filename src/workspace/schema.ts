/**
 * JSON Schemas of the workspace document (every version that can be imported) and of the
 * pattern scenarios, checked with ajv. Shapes only: cross-references (names, links,
 * kinds, modules) are checked afterwards in `validateWorkspace.ts`.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { describeReceived, pathOf, problem, type WorkspaceProblem } from './errors';

const name = { type: 'string', minLength: 1, maxLength: 128 } as const;
const position = {
  type: 'object',
  required: ['x', 'y'],
  additionalProperties: false,
  properties: { x: { type: 'number' }, y: { type: 'number' } },
} as const;
const positiveInt = { type: 'integer', minimum: 1 } as const;

const limits = {
  type: 'object',
  additionalProperties: false,
  properties: {
    deadlineMs: positiveInt,
    memoryPages: positiveInt,
    mailboxCapacity: positiveInt,
    maxMessageBytes: positiveInt,
    overflow: { enum: ['reject', 'drop-oldest'] },
    maxConcurrent: positiveInt,
  },
} as const;

const agentNode = {
  type: 'object',
  required: ['type', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    type: { const: 'agent' },
    name,
    kind: { type: 'string', minLength: 1, maxLength: 200 },
    config: {},
    limits,
    group: name,
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
    properties: { type: { const: type }, name, position },
  }) as const;

const backoff = {
  type: 'object',
  required: ['minMs', 'maxMs', 'randomFactor'],
  additionalProperties: false,
  properties: { minMs: { type: 'number', minimum: 0 }, maxMs: { type: 'number', minimum: 0 }, randomFactor: { type: 'number', minimum: 0 } },
} as const;

/** Shape only; the experiment's own checker (parseExperiment) runs before it is run. */
const experiment = {
  type: 'object',
  required: ['schema', 'name', 'topology', 'workload', 'hypothesis', 'schedule'],
  properties: {
    schema: { const: 'orrery.experiment/1' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    topology: { type: 'object' },
    workload: { type: 'object' },
    hypothesis: { type: 'array' },
    schedule: { type: 'object' },
  },
} as const;

const groupNode = {
  type: 'object',
  required: ['type', 'name', 'strategy'],
  additionalProperties: false,
  properties: {
    type: { const: 'group' },
    name,
    strategy: { enum: ['one_for_one', 'one_for_all', 'rest_for_one'] },
    intensity: { type: 'integer', minimum: 0 },
    periodMs: positiveInt,
    backoff,
    parent: name,
    position,
  },
} as const;

/** Version 2: the current document. */
export const WORKSPACE_SCHEMA_V2 = {
  $id: 'https://orrery.local/schemas/workspace-v2.json',
  title: 'Orrery workspace, version 2',
  type: 'object',
  required: ['orrery', 'version', 'name', 'nodes', 'links', 'modules', 'composerHistory'],
  additionalProperties: false,
  properties: {
    orrery: { const: 'workspace' },
    version: { const: 2 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    nodes: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        discriminator: { propertyName: 'type' },
        oneOf: [agentNode, plainNode('topic'), plainNode('client'), groupNode],
      },
    },
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: ['a', 'b'],
        additionalProperties: false,
        properties: { a: name, b: name },
      },
    },
    modules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'label', 'hash', 'bytes'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', pattern: '^custom:[0-9a-f]{64}$' },
          label: { type: 'string', minLength: 1, maxLength: 200 },
          hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          bytes: { type: 'string', minLength: 1 },
        },
      },
    },
    composerHistory: { type: 'array', maxItems: 1000 },
    experiments: { type: 'array', maxItems: 500, items: experiment },
  },
} as const;

/** Version 1: the earliest shape (agents only, flat positions, links as pairs). */
export const WORKSPACE_SCHEMA_V1 = {
  $id: 'https://orrery.local/schemas/workspace-v1.json',
  title: 'Orrery workspace, version 1',
  type: 'object',
  required: ['orrery', 'version', 'name', 'agents', 'links'],
  additionalProperties: false,
  properties: {
    orrery: { const: 'workspace' },
    version: { const: 1 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    agents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'kind'],
        additionalProperties: false,
        properties: { name, kind: { type: 'string', minLength: 1 }, config: {}, x: { type: 'number' }, y: { type: 'number' } },
      },
    },
    links: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2, items: name } },
  },
} as const;

/** A pattern scenario (agents/patterns/<id>.json; see agents/patterns/README.md). */
export const SCENARIO_SCHEMA = {
  $id: 'https://orrery.local/schemas/scenario.json',
  title: 'Orrery pattern scenario',
  type: 'object',
  required: ['id', 'title', 'description', 'nodes', 'links', 'run', 'expect'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    nodes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        discriminator: { propertyName: 'type' },
        oneOf: [
          {
            type: 'object',
            required: ['type', 'name', 'kind'],
            additionalProperties: false,
            properties: { type: { const: 'agent' }, name, kind: { type: 'string', minLength: 1 }, config: {} },
          },
          { type: 'object', required: ['type', 'name'], additionalProperties: false, properties: { type: { const: 'topic' }, name } },
          { type: 'object', required: ['type', 'name'], additionalProperties: false, properties: { type: { const: 'client' }, name } },
        ],
      },
    },
    links: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2, items: name } },
    run: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        additionalProperties: false,
        properties: {
          from: name,
          message: {
            type: 'object',
            required: ['performative', 'receiver'],
            properties: {
              performative: { type: 'string', minLength: 1 },
              receiver: { anyOf: [name, { type: 'array', minItems: 1, items: name }] },
            },
          },
        },
      },
    },
    expect: {
      type: 'object',
      required: ['from', 'performative', 'content'],
      additionalProperties: false,
      properties: { from: name, performative: { type: 'string', minLength: 1 }, content: {} },
    },
  },
} as const;

export type SchemaName = 'workspace-v1' | 'workspace-v2' | 'scenario';
const SCHEMAS: Record<SchemaName, object> = {
  'workspace-v1': WORKSPACE_SCHEMA_V1,
  'workspace-v2': WORKSPACE_SCHEMA_V2,
  scenario: SCENARIO_SCHEMA,
};

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** Compiled lazily: ajv generates code, which is only worth doing when a file arrives. */
function validatorFor(schema: SchemaName): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: true });
    fn = ajv.compile(SCHEMAS[schema]);
    compiled.set(schema, fn);
  }
  return fn;
}

const MAX_PROBLEMS = 8;

/** Shape problems of `value` against a schema (empty when it conforms), most useful first. */
export function schemaProblems(schema: SchemaName, value: unknown): WorkspaceProblem[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: WorkspaceProblem[] = [];
  for (const error of validate.errors ?? []) {
    const p = toProblem(error);
    const key = `${p.path}|${p.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= MAX_PROBLEMS) break;
  }
  return out;
}

function toProblem(error: ErrorObject): WorkspaceProblem {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return problem('WS004', pathOf(at, String(params.missingProperty)), 'a value (the field is required)', 'nothing');
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return problem('WS004', pathOf(at, extra), `no such field (allowed: ${allowed.join(', ')})`, describeReceived((error.data as Record<string, unknown>)[extra]));
    }
    case 'type':
      return problem('WS004', pathOf(at), `a value of type ${String(params.type)}`, describeReceived(error.data));
    case 'const':
      return problem('WS004', pathOf(at), JSON.stringify(params.allowedValue), describeReceived(error.data));
    case 'enum':
      return problem('WS004', pathOf(at), `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, describeReceived(error.data));
    case 'discriminator': {
      const tag = String(params.tag);
      const branches = (error.parentSchema as { oneOf?: { properties: Record<string, { const?: unknown }> }[] } | undefined)?.oneOf ?? [];
      const tags = branches.map((b) => JSON.stringify(b.properties[tag]?.const)).join(', ');
      return problem('WS004', pathOf(at, tag), `one of ${tags}`, describeReceived(params.tagValue));
    }
    case 'pattern':
      return problem('WS004', pathOf(at), `a string matching ${String(params.pattern)}`, describeReceived(error.data));
    default:
      return problem('WS004', pathOf(at), error.message ?? error.keyword, describeReceived(error.data));
  }
}
