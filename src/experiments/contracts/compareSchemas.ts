/**
 * How a new JSON Schema differs from an old one, change by change, each marked with what it
 * does to the set of values the schema allows: `narrows` (some value allowed before is now
 * refused), `widens` (some value refused before is now allowed), `both`, or `neutral`.
 * Whether that breaks anyone depends on the direction (compareContracts.ts).
 *
 * Reasoned about: type, enum/const, required, properties (nested), additionalProperties,
 * items (one schema for every element, nested), numeric/length/count bounds, uniqueItems.
 * Any other keyword that changed (pattern, format, oneOf, anyOf, allOf, not, $ref, ...) is
 * reported as `not-reasoned` with effect `both`: breaking in either direction, to be safe.
 */
import { canonicalJson } from '../simulation/canonicalJson';
import type { ChangeRule, JsonSchema } from './types';

export type ChangeEffect = 'narrows' | 'widens' | 'both' | 'neutral';

export interface SchemaChange {
  path: string;
  rule: ChangeRule;
  effect: ChangeEffect;
  detail: string;
}

type Schema = Record<string, unknown>;

/** Keywords that only annotate: a change to them changes no value's validity. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', '$id', '$schema', 'readOnly', 'writeOnly']);
const REASONED = new Set(['type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'uniqueItems']);
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const BOUNDS = new Set<string>([...LOWER_BOUNDS, ...UPPER_BOUNDS]);

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const own = (schema: Schema, key: string): unknown => (Object.hasOwn(schema, key) ? schema[key] : undefined);

export function compareSchemas(before: JsonSchema, after: JsonSchema, path = 'content'): SchemaChange[] {
  if (before === false || after === false) {
    if (before === after) return [];
    return before === false
      ? [{ path, rule: 'opened', effect: 'widens', detail: 'nothing was allowed here; now values are' }]
      : [{ path, rule: 'closed', effect: 'narrows', detail: 'no value is allowed here any more' }];
  }
  const old: Schema = before === true ? {} : before;
  const now: Schema = after === true ? {} : after;
  return [
    ...compareTypes(old, now, path),
    ...compareEnums(old, now, path),
    ...compareBounds(old, now, path),
    ...compareObjects(old, now, path),
    ...compareItems(old, now, path),
    ...compareOthers(old, now, path),
  ];
}

// ─── type ────────────────────────────────────────────────────────────────────

function typesOf(schema: Schema): Set<string> | undefined {
  const type = own(schema, 'type');
  if (type === undefined) return undefined;
  return new Set(Array.isArray(type) ? (type as string[]) : [type as string]);
}

/** Every value of a type in `inner` is a value of a type in `outer` (integer ⊂ number; no set = anything). */
function typesCover(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

const typeText = (types: Set<string> | undefined): string => (types ? [...types].join(' or ') : 'any type');

function compareTypes(old: Schema, now: Schema, path: string): SchemaChange[] {
  const [a, b] = [typesOf(old), typesOf(now)];
  const [wider, narrower] = [typesCover(b, a), typesCover(a, b)];
  if (wider && narrower) return [];
  const detail = `type was ${typeText(a)}, now ${typeText(b)}`;
  if (wider) return [{ path, rule: 'type-widened', effect: 'widens', detail }];
  if (narrower) return [{ path, rule: 'type-narrowed', effect: 'narrows', detail }];
  return [{ path, rule: 'type-changed', effect: 'both', detail }];
}

// ─── enum / const ────────────────────────────────────────────────────────────

/** The values allowed: `const` and `enum` together allow only what both do. */
function valuesOf(schema: Schema): Map<string, unknown> | undefined {
  const listed = Array.isArray(own(schema, 'enum')) ? (schema.enum as unknown[]) : undefined;
  const values: unknown[] | undefined = Object.hasOwn(schema, 'const')
    ? (listed?.filter((v) => same(v, schema.const)) ?? [schema.const])
    : listed;
  return values && new Map(values.map((v) => [canonicalJson(v), v]));
}

function compareEnums(old: Schema, now: Schema, path: string): SchemaChange[] {
  const [a, b] = [valuesOf(old), valuesOf(now)];
  if (a === undefined && b === undefined) return [];
  if (a === undefined) return [{ path, rule: 'enum-narrowed', effect: 'narrows', detail: `values now limited to ${list(b!)}` }];
  if (b === undefined) return [{ path, rule: 'enum-widened', effect: 'widens', detail: `values no longer limited to ${list(a)}` }];
  const removed = [...a.keys()].filter((k) => !b.has(k));
  const added = [...b.keys()].filter((k) => !a.has(k));
  if (removed.length === 0 && added.length === 0) return [];
  if (added.length === 0) return [{ path, rule: 'enum-narrowed', effect: 'narrows', detail: `no longer allows ${removed.join(', ')}` }];
  if (removed.length === 0) return [{ path, rule: 'enum-widened', effect: 'widens', detail: `now also allows ${added.join(', ')}` }];
  return [{ path, rule: 'enum-changed', effect: 'both', detail: `no longer allows ${removed.join(', ')}; now allows ${added.join(', ')}` }];
}

const list = (values: Map<string, unknown>): string => [...values.keys()].join(', ');

// ─── bounds ──────────────────────────────────────────────────────────────────

function compareBounds(old: Schema, now: Schema, path: string): SchemaChange[] {
  const out: SchemaChange[] = [];
  const check = (key: string, tighter: (a: number, b: number) => boolean) => {
    const [a, b] = [own(old, key), own(now, key)] as [number | undefined, number | undefined];
    if (a === b) return;
    const detail = `${key} was ${a ?? 'unset'}, now ${b ?? 'unset'}`;
    const tightened = a === undefined || (b !== undefined && tighter(a, b));
    out.push(
      tightened ? { path, rule: 'bound-tightened', effect: 'narrows', detail } : { path, rule: 'bound-loosened', effect: 'widens', detail },
    );
  };
  for (const key of LOWER_BOUNDS) check(key, (a, b) => b > a);
  for (const key of UPPER_BOUNDS) check(key, (a, b) => b < a);
  const [uniqueA, uniqueB] = [own(old, 'uniqueItems') === true, own(now, 'uniqueItems') === true];
  if (uniqueA !== uniqueB) {
    const detail = `uniqueItems was ${uniqueA}, now ${uniqueB}`;
    out.push(
      uniqueB ? { path, rule: 'bound-tightened', effect: 'narrows', detail } : { path, rule: 'bound-loosened', effect: 'widens', detail },
    );
  }
  return out;
}

// ─── objects ─────────────────────────────────────────────────────────────────

const propertiesOf = (schema: Schema): Record<string, JsonSchema> => (own(schema, 'properties') as Record<string, JsonSchema>) ?? {};
const requiredOf = (schema: Schema): Set<string> => new Set((own(schema, 'required') as string[]) ?? []);
/** additionalProperties as a schema (absent = true). */
const extraOf = (schema: Schema): JsonSchema => (own(schema, 'additionalProperties') as JsonSchema | undefined) ?? true;
const child = (path: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

function compareObjects(old: Schema, now: Schema, path: string): SchemaChange[] {
  const out: SchemaChange[] = [];
  const [propsA, propsB, reqA, reqB] = [propertiesOf(old), propertiesOf(now), requiredOf(old), requiredOf(now)];
  const [extraA, extraB] = [extraOf(old), extraOf(now)];
  for (const key of reqB) {
    if (!reqA.has(key)) out.push({ path: child(path, key), rule: 'required-added', effect: 'narrows', detail: 'is now required' });
  }
  for (const key of reqA) {
    if (reqB.has(key)) continue;
    const gone = !Object.hasOwn(propsB, key);
    out.push({
      path: child(path, key),
      rule: 'required-removed',
      effect: 'widens',
      detail: gone ? 'was required; removed' : 'was required; now optional',
    });
  }
  const keys = new Set([...Object.keys(propsA), ...Object.keys(propsB)]);
  for (const key of keys) {
    const [inA, inB] = [Object.hasOwn(propsA, key), Object.hasOwn(propsB, key)];
    if (inA && inB) out.push(...compareSchemas(propsA[key]!, propsB[key]!, child(path, key)));
    else if (inB && !reqB.has(key)) out.push(propertyAdded(child(path, key), extraA, propsB[key]!));
    else if (inA && !inB && !reqA.has(key)) out.push(propertyRemoved(child(path, key), extraB, propsA[key]!));
  }
  if (!same(extraA, extraB))
    out.push(...compareSchemas(extraA, extraB, `${path}.*`).map((c) => ({ ...c, detail: `other fields: ${c.detail}` })));
  return out;
}

function propertyAdded(path: string, extraBefore: JsonSchema, schema: JsonSchema): SchemaChange {
  if (extraBefore === false)
    return { path, rule: 'property-added', effect: 'widens', detail: 'optional field added (other fields were refused before)' };
  // Neutral by convention (Pact's too): old senders did not send it, old readers ignore it. A
  // sender that already sent this key with another shape would now be refused: not detected.
  const detail = same(schema, true) ? 'optional field added' : 'optional field added (its shape is described now)';
  return { path, rule: 'property-added', effect: 'neutral', detail };
}

function propertyRemoved(path: string, extraAfter: JsonSchema, schema: JsonSchema): SchemaChange {
  if (extraAfter === false)
    return { path, rule: 'property-removed', effect: 'narrows', detail: 'optional field removed, and other fields are refused' };
  const detail = same(schema, true) ? 'optional field removed' : 'optional field removed (its shape is no longer promised)';
  return { path, rule: 'property-removed', effect: 'neutral', detail };
}

// ─── arrays ──────────────────────────────────────────────────────────────────

function compareItems(old: Schema, now: Schema, path: string): SchemaChange[] {
  const [a, b] = [own(old, 'items'), own(now, 'items')];
  if (same(a, b)) return [];
  if (Array.isArray(a) || Array.isArray(b)) return [notReasoned(path, 'items (tuple form)')];
  return compareSchemas((a as JsonSchema | undefined) ?? true, (b as JsonSchema | undefined) ?? true, `${path}[]`);
}

// ─── everything else ─────────────────────────────────────────────────────────

function compareOthers(old: Schema, now: Schema, path: string): SchemaChange[] {
  const keys = new Set([...Object.keys(old), ...Object.keys(now)]);
  return [...keys]
    .filter((k) => !ANNOTATIONS.has(k) && !REASONED.has(k) && !BOUNDS.has(k) && !same(own(old, k), own(now, k)))
    .map((k) => notReasoned(path, k));
}

const notReasoned = (path: string, keyword: string): SchemaChange => ({
  path,
  rule: 'not-reasoned',
  effect: 'both',
  detail: `${keyword} changed; these rules do not reason about ${keyword}, so it counts as breaking`,
});
