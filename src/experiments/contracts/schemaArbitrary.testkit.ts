/** fast-check arbitraries for contract tests: small $ref-free schemas, and values shaped by them. */
import fc from 'fast-check';
import type { JsonSchema } from './types';

/** Arbitrary $ref-free schemas over the keywords the rules know, and some they do not. */
export const KEY = fc.constantFrom('a', 'b', 'c', 'toString');
export const keywordArbs = (schema: fc.Arbitrary<JsonSchema>): Record<string, fc.Arbitrary<unknown>> => ({
  type: fc.oneof(
    fc.constantFrom('string', 'integer', 'number', 'boolean', 'null', 'object', 'array'),
    fc.uniqueArray(fc.constantFrom('string', 'number', 'null'), { minLength: 1 }),
  ),
  enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 0, 1, 2.5, null, true), { minLength: 1, maxLength: 4 }),
  const: fc.constantFrom('a', 0, null),
  minimum: fc.integer({ min: -2, max: 2 }),
  maxLength: fc.nat(3),
  minItems: fc.nat(2),
  uniqueItems: fc.boolean(),
  pattern: fc.constantFrom('^a', '^b'),
  properties: fc.dictionary(KEY, schema, { maxKeys: 3 }),
  required: fc.uniqueArray(KEY, { maxLength: 3 }),
  additionalProperties: fc.oneof(fc.boolean(), schema),
  items: schema,
  anyOf: fc.array(schema, { minLength: 1, maxLength: 2 }),
});
export const KEYWORDS = Object.keys(keywordArbs(fc.constant(true)));

export const schemaArb: fc.Arbitrary<JsonSchema> = fc.letrec<{ schema: JsonSchema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.record(keywordArbs(tie('schema')), { requiredKeys: [] }).map((r) => r as JsonSchema),
  ),
})).schema;

/** Values shaped by the schemas' own keys and enum values, so objects and enums get hit. */
export function valuesFor(a: JsonSchema, b: JsonSchema): fc.Arbitrary<unknown[]> {
  const words = [...JSON.stringify([a, b]).matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!);
  const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(...words, 0, 1, -1, 2.5, null, true));
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...words, 'x'), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  return fc.array(value, { minLength: 1, maxLength: 12 });
}
