/**
 * @cfworker/json-schema's output units as sentences that name the path into the content:
 * `content.items[0].sku: expected string, received number 12`. Only the leaves: the wrappers
 * ("Property "items" does not match schema", "A subschema had errors") say where, and the path
 * already does. The keyword's value (the allowed enum, the bound, the pattern) is read from the
 * schema at the unit's `keywordLocation` rather than parsed out of the library's English.
 */
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import { describeValue } from '../../protocol/describe';
import { pointerKeys, valueAt } from '../schemaPointer';
import { contentPath } from './sentences';

/** Units that only say a subschema below failed; its own units follow and say what. */
const WRAPPERS = new Set(['properties', 'patternProperties', 'items', 'additionalItems', '$ref', 'allOf', 'if']);
/** Units that stand for their subschemas' failures (a branch of anyOf failing is not itself wrong). */
const SUMMARIES = new Set(['anyOf', 'oneOf', 'not', 'propertyNames', 'contains']);

type Lookup = Record<string, Schema | boolean>;

/** `#/items/0/sku` → the JSON pointer `/items/0/sku` (cfworker URI-encodes each key). */
function pointerOf(location: string): string {
  const raw = location.startsWith('#') ? location.slice(1) : location;
  return raw
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** What `keywordLocation` names in the schema, following `$ref`s through the lookup. */
function keywordValue(lookup: Lookup, root: unknown, keywordLocation: string): unknown {
  let node: unknown = root;
  for (const key of pointerKeys(pointerOf(keywordLocation))) {
    if (key === '$ref' && node !== null && typeof node === 'object') {
      const holder = node as Schema;
      node = lookup[holder.__absolute_ref__ ?? String(holder.$ref)];
      continue;
    }
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** One sentence per distinct leaf error. */
export function contentSentences(
  units: readonly OutputUnit[],
  content: unknown,
  schema: Schema | boolean,
  lookup: Lookup,
  root = 'content',
): string[] {
  const out = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.keyword === 'additionalProperties' && units[i + 1]?.keyword === 'false') {
      const key = /^Property "(.*)" does not match/s.exec(unit.error)?.[1] ?? '?';
      out.add(
        `${contentPath(pointerOf(unit.instanceLocation), root)}: unexpected field "${key}" (the contract lists every field it allows)`,
      );
      i++;
      continue;
    }
    if (isWrapper(unit)) continue;
    out.add(sentence(unit, content, keywordValue(lookup, schema, unit.keywordLocation), root));
    if (SUMMARIES.has(unit.keyword)) while (i + 1 < units.length && within(units[i + 1]!, unit)) i++;
  }
  return [...out];
}

/** `dependencies` wraps when its value is a schema, and is the leaf when it lists field names. */
const isWrapper = (unit: OutputUnit): boolean =>
  WRAPPERS.has(unit.keyword) || (unit.keyword === 'dependencies' && unit.error.includes('dependant schema'));

/** Whether `unit` came from inside `summary`'s subschemas. */
function within(unit: OutputUnit, summary: OutputUnit): boolean {
  if (unit.keywordLocation.startsWith(`${summary.keywordLocation}/`)) return true;
  // cfworker gives a `false` schema's unit its instance location as keyword location
  return unit.keyword === 'false' && unit.instanceLocation.startsWith(summary.instanceLocation);
}

const list = (values: unknown): string => (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(', ');

function sentence(unit: OutputUnit, content: unknown, value: unknown, root: string): string {
  const pointer = pointerOf(unit.instanceLocation);
  const at = contentPath(pointer, root);
  const got = describeValue(valueAt(content, pointer));
  const said = (text: string) => `${at}: ${text}, received ${got}`;
  switch (unit.keyword) {
    case 'required':
      return `${at}: missing the required field "${/property "(.*)"\.$/s.exec(unit.error)?.[1] ?? '?'}"`;
    case 'type':
      return said(`expected ${(Array.isArray(value) ? value : [value]).join(' or ')}`);
    case 'enum':
      return said(`expected one of ${list(value)}`);
    case 'const':
      return said(`expected ${JSON.stringify(value)}`);
    case 'false':
      return said('no value is allowed here');
    case 'minimum':
      return said(`must be >= ${String(value)}`);
    case 'maximum':
      return said(`must be <= ${String(value)}`);
    case 'exclusiveMinimum':
      return said(`must be > ${String(value)}`);
    case 'exclusiveMaximum':
      return said(`must be < ${String(value)}`);
    case 'multipleOf':
      return said(`must be a multiple of ${String(value)}`);
    default:
      return said(sizeOrShape(unit, value));
  }
}

function sizeOrShape(unit: OutputUnit, value: unknown): string {
  const n = String(value);
  switch (unit.keyword) {
    case 'minLength':
      return `must be at least ${n} characters long`;
    case 'maxLength':
      return `must be at most ${n} characters long`;
    case 'minItems':
      return `must have at least ${n} items`;
    case 'maxItems':
      return `must have at most ${n} items`;
    case 'minProperties':
      return `must have at least ${n} fields`;
    case 'maxProperties':
      return `must have at most ${n} fields`;
    case 'uniqueItems':
      return `must not repeat an item (${unit.error.replace(/\.$/, '').replace(/^Duplicate items at indexes/, 'items')} are equal)`;
    case 'pattern':
      return `must match the pattern ${JSON.stringify(value)}`;
    case 'format':
      return `expected a ${String(value)} (format)`;
    case 'dependencies':
      return unit.error.replace(/^Instance has/, 'has').replace(/\.$/, '');
    case 'anyOf':
      return 'matches none of the anyOf alternatives';
    case 'oneOf':
      return `must match exactly one of the oneOf alternatives (${/\((\d+) matches\)/.exec(unit.error)?.[1] ?? '?'} matched)`;
    case 'not':
      return 'must not match the "not" schema';
    case 'propertyNames':
      return `the field name "${/"(.*)"/s.exec(unit.error)?.[1] ?? '?'}" is not allowed (propertyNames)`;
    case 'contains':
      return 'must contain an item that matches the contains schema';
    default:
      return unit.error.replace(/\.$/, '');
  }
}
