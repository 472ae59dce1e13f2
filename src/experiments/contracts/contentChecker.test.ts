import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContracts } from './parseContract';
import { schemaArb, valuesFor } from './schemaArbitrary.testkit';
import type { JsonSchema } from './types';

const REF = { kind: 'shop', performative: 'request', direction: 'accepts' } as const;
/** The sentences the contracts give for `content` against `schema`. */
function problems(schema: JsonSchema, content: unknown): string[] {
  const file = { schema: 'orrery.contract/1', version: '1', kinds: { shop: { request: { accepts: schema } } } };
  return loadContracts(file).validator(REF)!(content);
}

describe('content checks (@cfworker/json-schema) as sentences', () => {
  it('names each leaf error by its path, not the wrappers above it', () => {
    const order = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } },
        note: { type: ['string', 'null'], maxLength: 3 },
        'odd key': { enum: ['a', 'b'] },
      },
    };
    expect(problems(order, { items: [{ sku: 1 }, {}], note: 5, 'odd key': 'c' })).toEqual([
      'content.items[0].sku: expected string, received number 1',
      'content.items[1]: missing the required field "sku"',
      'content.note: expected string or null, received number 5',
      'content["odd key"]: expected one of "a", "b", received string "c"',
    ]);
  });

  it('says which field is unexpected, and follows $refs', () => {
    const closed = {
      definitions: { qty: { type: 'integer', minimum: 1 } },
      type: 'object',
      properties: { qty: { $ref: '#/definitions/qty' }, code: { pattern: '^[A-Z]+$' }, at: { format: 'date-time' } },
      additionalProperties: false,
    };
    expect(problems(closed, { qty: 0, code: 'ab', at: 'noon', extra: true })).toEqual([
      'content.qty: must be >= 1, received number 0',
      'content.code: must match the pattern "^[A-Z]+$", received string "ab"',
      'content.at: expected a date-time (format), received string "noon"',
      'content: unexpected field "extra" (the contract lists every field it allows)',
    ]);
  });

  it('gives one sentence for an anyOf that matched nothing (not one per branch)', () => {
    expect(problems({ anyOf: [{ type: 'string' }, { type: 'object', required: ['id'] }] }, 3)).toEqual([
      'content: matches none of the anyOf alternatives, received number 3',
    ]);
    expect(problems(false, 'x')).toEqual(['content: no value is allowed here, received string "x"']);
  });

  it('reads own properties only: a missing "toString" is missing', () => {
    expect(problems({ type: 'object', required: ['toString'], properties: { toString: { type: 'string' } } }, {})).toEqual([
      'content: missing the required field "toString"',
    ]);
  });

  it('gives the verdict ajv (own properties) gave, on arbitrary schemas and values', () => {
    const ajv = new Ajv({ strict: false, ownProperties: true, allowUnionTypes: true });
    fc.assert(
      fc.property(
        schemaArb.chain((schema) => fc.tuple(fc.constant(schema), valuesFor(schema, true))),
        ([schema, values]) => {
          const ajvCheck = ajv.compile(schema);
          for (const value of values) expect(problems(schema, value).length === 0).toBe(ajvCheck(value));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
