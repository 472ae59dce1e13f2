/** The JSON Schema of a pattern scenario (agents/patterns/<id>.json; see agents/patterns/README.md). */
import { commonDefs } from './schema';

const name = { $ref: '#/$defs/name' } as const;

export const SCENARIO_SCHEMA = {
  $id: 'https://orrery.dev/schemas/orrery.scenario.schema.json',
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
            properties: {
              type: { const: 'agent' },
              name,
              kind: { $ref: '#/$defs/kind' },
              config: {},
            },
          },
          {
            type: 'object',
            required: ['type', 'name'],
            additionalProperties: false,
            properties: { type: { const: 'topic' }, name },
          },
          {
            type: 'object',
            required: ['type', 'name'],
            additionalProperties: false,
            properties: { type: { const: 'client' }, name },
          },
        ],
      },
    },
    links: {
      type: 'array',
      items: { type: 'array', minItems: 2, maxItems: 2, items: name },
    },
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
              receiver: {
                anyOf: [name, { type: 'array', minItems: 1, items: name }],
              },
            },
          },
        },
      },
    },
    expect: {
      type: 'object',
      required: ['from', 'performative', 'content'],
      additionalProperties: false,
      properties: {
        from: name,
        performative: { type: 'string', minLength: 1 },
        content: {},
      },
    },
  },
  $defs: commonDefs,
} as const;
