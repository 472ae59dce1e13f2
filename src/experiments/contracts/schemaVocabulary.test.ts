import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { describe, expect, it } from 'vitest';
import { parseContract } from './parseContract';
import { DRAFT07_KEYWORDS } from './schemaVocabulary';

/** The problems of a file whose only schema is `schema`, or [] when it loads. */
function refusals(schema: unknown): string[] {
  const parsed = parseContract({ schema: 'orrery.contract/1', version: '1', kinds: { shop: { request: { accepts: schema } } } });
  return parsed.ok ? [] : parsed.problems.map((p) => p.message.replace(/^not a valid JSON Schema: /, ''));
}

describe('schema vocabulary (what ajv strict mode refused)', () => {
  it("knows exactly draft-07's keywords", () => {
    expect([...DRAFT07_KEYWORDS].sort()).toEqual(Object.keys(draft07.properties).sort());
  });

  it('refuses an unknown keyword anywhere a schema can be', () => {
    const at = 'kinds.shop.request.accepts';
    expect(
      refusals({
        properties: { a: { typ: 'string' } },
        items: [{ minimun: 1 }],
        anyOf: [{ not: { formt: 'email' } }],
        definitions: { x: { requird: [] } },
        dependencies: { a: { propertys: {} }, b: ['a'] },
      }),
    ).toEqual([
      `${at}.properties.a.typ: unknown keyword "typ" (did you mean "type"?): it would check nothing; ` +
        `${at}.items[0].minimun: unknown keyword "minimun" (did you mean "minimum"?): it would check nothing; ` +
        `${at}.anyOf[0].not.formt: unknown keyword "formt" (did you mean "format"?): it would check nothing; ` +
        `${at}.definitions.x.requird: unknown keyword "requird" (did you mean "required"?): it would check nothing; ` +
        `${at}.dependencies.a.propertys: unknown keyword "propertys" (did you mean "properties"?): it would check nothing`,
    ]);
  });

  it('does not look for keywords inside values (enum, const, default, examples)', () => {
    expect(refusals({ enum: [{ typo: 1 }], const: { typo: 1 }, default: { typo: 1 }, examples: [{ typo: 1 }] })).toEqual([]);
    expect(refusals({ $defs: { a: { type: 'string' } }, $ref: '#/$defs/a' })).toEqual([]);
  });

  it('refuses a pattern that does not compile as a Unicode regular expression, and unknown formats', () => {
    const [pattern] = refusals({ properties: { a: { pattern: '\\p{Nope}' } } });
    expect(pattern).toMatch(
      /^kinds\.shop\.request\.accepts\.properties\.a\.pattern: the pattern "\\\\p\{Nope\}" is not a valid regular expression/,
    );
    expect(refusals({ patternProperties: { '(': true } })[0]).toMatch(/patternProperties\["\("\]: the pattern "\(" is not a valid/);
    expect(refusals({ format: 'idn-email' })[0]).toMatch(
      /format: format "idn-email" is not checked here \(known: date, date-time, .*\); use a pattern instead$/,
    );
    expect(refusals({ format: 'email', properties: { d: { format: 'date' } } })).toEqual([]);
  });

  it('refuses another draft, two subschemas with one $id, and checks the meta-schema first', () => {
    expect(refusals({ $schema: 'https://json-schema.org/draft/2020-12/schema' })[0]).toMatch(/\$schema: expected draft-07/);
    expect(refusals({ $schema: 'http://json-schema.org/draft-07/schema#' })).toEqual([]);
    expect(refusals({ anyOf: [{ $id: '#a' }, { $id: 'http://x/a', items: { $id: 'http://x/a' } }] })[0]).toMatch(/Duplicate schema URI/);
    expect(refusals({ minimum: 'one', requird: [] })).toEqual([
      'kinds.shop.request.accepts.minimum: expected number, received string "one"',
    ]);
  });
});
