/**
 * What ajv's strict mode gave, without ajv: walks a schema (already valid against the draft-07
 * meta-schema) through every subschema and refuses what would silently check nothing or fail
 * only when a message arrives: an unknown keyword (a typo such as `requird`), a `pattern` that
 * does not compile as a Unicode regular expression, a `format` the validator does not know, a
 * `$schema` other than draft-07. Returns the objects holding a `$ref`, with their paths, for the
 * caller to resolve.
 */
import { format as KNOWN_FORMATS } from '@cfworker/json-schema';
import { closest } from '../../protocol/describe';

/** Draft-07's keywords (the meta-schema's `properties`; a test keeps the list equal to it) and `$defs`. */
export const DRAFT07_KEYWORDS: readonly string[] = [
  '$id',
  '$schema',
  '$ref',
  '$comment',
  'title',
  'description',
  'default',
  'readOnly',
  'examples',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'additionalItems',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
  'definitions',
  'properties',
  'patternProperties',
  'dependencies',
  'propertyNames',
  'const',
  'enum',
  'type',
  'format',
  'contentMediaType',
  'contentEncoding',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
];
const KEYWORDS = new Set([...DRAFT07_KEYWORDS, '$defs']);
const ONE_SCHEMA = new Set(['additionalItems', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAPS = new Set(['definitions', '$defs', 'properties', 'patternProperties']);
const DRAFT07_URIS = new Set(['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema']);
/** The formats @cfworker/json-schema checks; any other would be ignored, so it is refused. */
export const FORMATS: readonly string[] = Object.keys(KNOWN_FORMATS).sort();

export interface SchemaWalk {
  /** `path: sentence` for each problem. */
  problems: string[];
  /** Every (sub)schema with a `$ref`, and where it is. */
  refs: { path: string; schema: Record<string, unknown> }[];
}

type SchemaObject = Record<string, unknown>;
const isObject = (v: unknown): v is SchemaObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const keyPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** Walks `schema` (at `path` in the file). */
export function walkSchema(schema: unknown, path: string): SchemaWalk {
  const walk: SchemaWalk = { problems: [], refs: [] };
  visit(schema, path, walk);
  return walk;
}

function visit(schema: unknown, path: string, walk: SchemaWalk): void {
  if (!isObject(schema)) return; // booleans; anything else the meta-schema refused already
  if (typeof schema.$ref === 'string') walk.refs.push({ path, schema });
  for (const [key, value] of Object.entries(schema)) {
    const at = keyPath(path, key);
    if (!KEYWORDS.has(key)) {
      const near = closest(key, [...KEYWORDS]);
      walk.problems.push(`${at}: unknown keyword "${key}"${near ? ` (did you mean "${near}"?)` : ''}: it would check nothing`);
    } else if (ONE_SCHEMA.has(key)) visit(value, at, walk);
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) value.forEach((s, i) => visit(s, `${at}[${i}]`, walk));
    else if (key === 'items') {
      if (Array.isArray(value)) value.forEach((s, i) => visit(s, `${at}[${i}]`, walk));
      else visit(value, at, walk);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      for (const [name, sub] of Object.entries(value)) {
        if (key === 'patternProperties') checkPattern(name, keyPath(at, name), walk);
        visit(sub, keyPath(at, name), walk);
      }
    } else if (key === 'dependencies' && isObject(value)) {
      for (const [name, sub] of Object.entries(value)) if (!Array.isArray(sub)) visit(sub, keyPath(at, name), walk);
    } else checkValue(key, value, at, walk);
  }
}

function checkValue(key: string, value: unknown, at: string, walk: SchemaWalk): void {
  if (key === 'pattern' && typeof value === 'string') checkPattern(value, at, walk);
  else if (key === 'format' && typeof value === 'string' && !FORMATS.includes(value))
    walk.problems.push(`${at}: format "${value}" is not checked here (known: ${FORMATS.join(', ')}); use a pattern instead`);
  else if (key === '$schema' && typeof value === 'string' && !DRAFT07_URIS.has(value))
    walk.problems.push(`${at}: expected draft-07 ("http://json-schema.org/draft-07/schema#"), received "${value}"`);
}

function checkPattern(pattern: string, at: string, walk: SchemaWalk): void {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    walk.problems.push(`${at}: the pattern ${JSON.stringify(pattern)} is not a valid regular expression (${reason})`);
  }
}
