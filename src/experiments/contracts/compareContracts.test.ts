import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareContracts } from './compareContracts';
import { compareSchemas } from './compareSchemas';
import { loadContracts } from './parseContract';
import { KEYWORDS, keywordArbs, schemaArb, valuesFor } from './schemaArbitrary.testkit';
import type { ContractFile, Direction, JsonSchema } from './types';

const contract = (kinds: ContractFile['kinds']): ContractFile => ({ schema: 'orrery.contract/1', version: '1', kinds });
const one = (direction: Direction, schema: JsonSchema): ContractFile => contract({ shop: { request: { [direction]: schema } } });

/** Compares one schema in both directions: which rules fired, and whether each broke. */
function verdicts(before: JsonSchema, after: JsonSchema) {
  const out: Record<Direction, { rule: string; path?: string; breaking: boolean }[]> = { accepts: [], sends: [] };
  for (const direction of ['accepts', 'sends'] as const) {
    const { breaking, compatible } = compareContracts(one(direction, before), one(direction, after));
    for (const c of breaking) out[direction].push({ rule: c.rule, path: c.path, breaking: true });
    for (const c of compatible) out[direction].push({ rule: c.rule, path: c.path, breaking: false });
  }
  return out;
}

const obj = (properties: Record<string, JsonSchema>, required: string[] = [], extra: object = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

describe('breaking-change rules', () => {
  it('a required field removed breaks consumers of sent content, not senders of accepted content', () => {
    const v = verdicts(obj({ id: { type: 'string' }, n: { type: 'integer' } }, ['id', 'n']), obj({ id: { type: 'string' } }, ['id']));
    expect(v.sends).toEqual([{ rule: 'required-removed', path: 'content.n', breaking: true }]);
    expect(v.accepts).toEqual([{ rule: 'required-removed', path: 'content.n', breaking: false }]);
    const [change] = compareContracts(one('sends', obj({ n: {} }, ['n'])), one('sends', obj({}, []))).breaking;
    expect(change!.reason).toMatch(
      /^content\.n: was required; removed; consumers written against the old contract may receive content they do not understand/,
    );
  });

  it('a new required input breaks senders; a newly required output is fine for consumers', () => {
    const v = verdicts(obj({ id: { type: 'string' } }), obj({ id: { type: 'string' } }, ['id']));
    expect(v.accepts).toEqual([{ rule: 'required-added', path: 'content.id', breaking: true }]);
    expect(v.sends).toEqual([{ rule: 'required-added', path: 'content.id', breaking: false }]);
  });

  it('a type changed breaks both; narrowed or widened breaks one side (integer is a number)', () => {
    expect(verdicts({ type: 'string' }, { type: 'number' })).toEqual({
      accepts: [{ rule: 'type-changed', path: 'content', breaking: true }],
      sends: [{ rule: 'type-changed', path: 'content', breaking: true }],
    });
    const narrowed = verdicts({ type: 'number' }, { type: 'integer' });
    expect([narrowed.accepts[0]!.breaking, narrowed.sends[0]!.breaking]).toEqual([true, false]);
    const widened = verdicts({ type: 'string' }, { type: ['string', 'null'] });
    expect(widened.accepts).toEqual([{ rule: 'type-widened', path: 'content', breaking: false }]);
    expect(widened.sends).toEqual([{ rule: 'type-widened', path: 'content', breaking: true }]);
  });

  it('an enum narrowed breaks senders, widened breaks consumers; const counts as a one-value enum', () => {
    const ab = { enum: ['a', 'b'] };
    expect(verdicts(ab, { enum: ['a'] }).accepts).toEqual([{ rule: 'enum-narrowed', path: 'content', breaking: true }]);
    expect(verdicts(ab, { const: 'a' }).sends).toEqual([{ rule: 'enum-narrowed', path: 'content', breaking: false }]);
    expect(verdicts(ab, { enum: ['a', 'b', 'c'] })).toEqual({
      accepts: [{ rule: 'enum-widened', path: 'content', breaking: false }],
      sends: [{ rule: 'enum-widened', path: 'content', breaking: true }],
    });
    expect(verdicts(ab, { enum: ['a', 'c'] }).accepts[0]).toMatchObject({ rule: 'enum-changed', breaking: true });
    expect(verdicts({}, ab).accepts[0]).toMatchObject({ rule: 'enum-narrowed', breaking: true });
    // const and enum together allow only what both allow (the soundness property found this)
    expect(verdicts({ const: null, enum: ['c', null] }, { const: null, enum: ['c'] }).accepts[0]).toMatchObject({
      rule: 'enum-narrowed',
      breaking: true,
    });
  });

  it('an optional field added is compatible both ways; removing one is breaking only where others are refused', () => {
    const v = verdicts(obj({}), obj({ note: { type: 'string' } }));
    expect(v).toEqual({
      accepts: [{ rule: 'property-added', path: 'content.note', breaking: false }],
      sends: [{ rule: 'property-added', path: 'content.note', breaking: false }],
    });
    expect(verdicts(obj({ note: {} }), obj({})).accepts).toEqual([{ rule: 'property-removed', path: 'content.note', breaking: false }]);
    const closed = verdicts(obj({ note: {} }, [], { additionalProperties: false }), obj({}, [], { additionalProperties: false }));
    expect(closed.accepts).toEqual([{ rule: 'property-removed', path: 'content.note', breaking: true }]);
  });

  it('closing an object to other fields narrows; opening it widens', () => {
    expect(verdicts(obj({}), obj({}, [], { additionalProperties: false })).accepts).toEqual([
      { rule: 'closed', path: 'content.*', breaking: true },
    ]);
    expect(verdicts(obj({}, [], { additionalProperties: false }), obj({})).sends).toEqual([
      { rule: 'opened', path: 'content.*', breaking: true },
    ]);
  });

  it('reaches into nested objects and array elements', () => {
    const before = obj({ order: obj({ items: { type: 'array', items: obj({ sku: { type: 'string' } }, ['sku']) } }) });
    const after = obj({ order: obj({ items: { type: 'array', items: obj({ sku: { type: 'integer' } }, ['sku']) } }) });
    expect(verdicts(before, after).sends).toEqual([{ rule: 'type-changed', path: 'content.order.items[].sku', breaking: true }]);
  });

  it('bounds: tightened breaks senders, loosened breaks consumers', () => {
    expect(verdicts({ type: 'integer', maximum: 10 }, { type: 'integer', maximum: 5 }).accepts).toEqual([
      { rule: 'bound-tightened', path: 'content', breaking: true },
    ]);
    expect(verdicts({ type: 'string', minLength: 3 }, { type: 'string' }).sends).toEqual([
      { rule: 'bound-loosened', path: 'content', breaking: true },
    ]);
    expect(verdicts({ type: 'array' }, { type: 'array', uniqueItems: true }).sends).toEqual([
      { rule: 'bound-tightened', path: 'content', breaking: false },
    ]);
  });

  it('keywords the rules do not reason about count as breaking; annotations do not count', () => {
    expect(verdicts({ type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' })).toEqual({
      accepts: [{ rule: 'not-reasoned', path: 'content', breaking: true }],
      sends: [{ rule: 'not-reasoned', path: 'content', breaking: true }],
    });
    expect(verdicts({ oneOf: [{ type: 'string' }] }, { oneOf: [{ type: 'number' }] }).accepts[0]!.rule).toBe('not-reasoned');
    expect(verdicts({ type: 'string', description: 'a' }, { type: 'string', title: 'b' })).toEqual({ accepts: [], sends: [] });
  });

  it('a performative or kind dropped is breaking, one added is not', () => {
    const before = contract({
      shop: { request: { accepts: true, sends: true }, inform: { sends: true } },
      old: { inform: { sends: true } },
    });
    const after = contract({ shop: { request: { accepts: true }, cfp: { accepts: true } }, fresh: { inform: { sends: true } } });
    const { breaking, compatible } = compareContracts(before, after);
    expect(breaking.map((c) => [c.rule, c.contract])).toEqual([
      ['performative-dropped', { kind: 'shop', performative: 'request', direction: 'sends' }],
      ['performative-dropped', { kind: 'shop', performative: 'inform', direction: 'sends' }],
      ['kind-dropped', { kind: 'old' }],
    ]);
    expect(breaking[1]!.reason).toBe('shop no longer sends inform: consumers waiting for inform will not get it');
    expect(compatible.map((c) => c.rule)).toEqual(['performative-added', 'kind-added']);
  });
});

/** `schema` with one small change somewhere in it (a keyword set, replaced or deleted), or unchanged. */
function mutated(schema: JsonSchema, depth = 0): fc.Arbitrary<JsonSchema> {
  if (typeof schema === 'boolean') return fc.oneof(fc.constant(!schema), schemaArb);
  const edits: fc.Arbitrary<JsonSchema>[] = [
    fc.constantFrom(...KEYWORDS).chain((k) => keywordArbs(schemaArb)[k]!.map((v) => ({ ...schema, [k]: v }))),
  ];
  const keys = Object.keys(schema);
  if (keys.length > 0)
    edits.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(schema).filter(([key]) => key !== k))));
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props && Object.keys(props).length > 0 && depth < 3) {
    edits.push(
      fc
        .constantFrom(...Object.keys(props))
        .chain((k) => mutated(props[k]!, depth + 1).map((p) => ({ ...schema, properties: { ...props, [k]: p } }))),
    );
  }
  const values = schema.enum as unknown[] | undefined;
  if (Array.isArray(values) && values.length > 1)
    edits.push(fc.nat(values.length - 1).map((i) => ({ ...schema, enum: values.filter((_, j) => j !== i) })));
  if (schema.items !== undefined && depth < 3)
    edits.push(mutated(schema.items as JsonSchema, depth + 1).map((items) => ({ ...schema, items })));
  return fc.oneof(...edits);
}

describe('breaking-change rules, properties', () => {
  it('a schema is never breaking against itself, nor against a copy with reordered keys', () => {
    fc.assert(
      fc.property(schemaArb, fc.constantFrom<Direction>('accepts', 'sends'), (schema, direction) => {
        const copy = JSON.parse(
          JSON.stringify(schema, (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        ) as JsonSchema;
        expect(compareSchemas(schema, copy)).toEqual([]);
        expect(compareContracts(one(direction, schema), one(direction, copy))).toEqual({ breaking: [], compatible: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('is sound where it says compatible: a value the old accepts is accepted by the new, a value the new sends was promised by the old', () => {
    // The checker contracts run with (@cfworker/json-schema), so the property is about the verdicts users see.
    const compile = (schema: JsonSchema) => {
      const check = loadContracts(one('accepts', schema)).validator({ kind: 'shop', performative: 'request', direction: 'accepts' })!;
      return (value: unknown) => check(value).length === 0;
    };
    fc.assert(
      fc.property(
        schemaArb.chain((a) => mutated(a).chain((b) => fc.tuple(fc.constant(a), fc.constant(b), valuesFor(a, b)))),
        ([a, b, values]) => {
          const changes = compareSchemas(a, b);
          // The two conventions the rules take on purpose (README): optional fields added or removed are neutral.
          fc.pre(!changes.some((c) => c.rule === 'property-added' || c.rule === 'property-removed'));
          const [oldOk, newOk] = [compile(a), compile(b)];
          const acceptsBreaks = compareContracts(one('accepts', a), one('accepts', b)).breaking.length > 0;
          const sendsBreaks = compareContracts(one('sends', a), one('sends', b)).breaking.length > 0;
          for (const v of values) {
            if (!acceptsBreaks && oldOk(v)) expect(newOk(v)).toBe(true);
            if (!sendsBreaks && newOk(v)) expect(oldOk(v)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
