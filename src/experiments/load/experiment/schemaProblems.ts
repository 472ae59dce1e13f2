/**
 * Checks a value against the load experiment's JSON Schema (the precompiled validator)
 * and turns ajv's errors into sentences naming the path, what was expected and what came:
 * `experiment.scenarios.echo.rate: expected a number > 0, received number -5`.
 */
import type { ErrorObject } from 'ajv';
import { closest, describeValue } from '../../../protocol/describe';
import { ID_PATTERN, KIND_PATTERN, LABEL_PATTERN, NAME_PATTERN, TEXT_PATTERN } from '../../chaos/limits';
import { pathOf } from '../../chaos/schemaProblems';
import { DURATION_PATTERN, METRIC_KEY_PATTERN, SCENARIO_PATTERN } from './limits';
import { LOAD_JSON_SCHEMA } from './schema';
import { validate } from './validator.generated';
import { numberRange, pointerKeys } from '../../schemaPointer';

/** The validator ajv generated from LOAD_JSON_SCHEMA (see validatorSource.ts). */
const check = validate as unknown as { (value: unknown): boolean; errors?: ErrorObject[] | null };

const DURATION = 'a duration (ms as a number, or k6 text such as "30s", "1m30s", "500ms")';
const THRESHOLD = 'a k6 threshold such as "p(95)<50", or {threshold, abortOnFail, delayAbortEval}';
const PATTERNS: Record<string, string> = {
  [NAME_PATTERN]: 'a name (a letter or digit, then letters, digits or _ . : @ + / # -; at most 128 characters)',
  [ID_PATTERN]: 'an id (a letter or digit, then letters, digits or _ . : @ + / # -; at most 300 characters)',
  [LABEL_PATTERN]: 'a label (a letter or digit, then letters, digits, spaces or _ . : @ + / # , -)',
  [KIND_PATTERN]: 'an agent kind such as "echo" or "custom:<hash>"',
  [TEXT_PATTERN]: 'text without control characters',
  [DURATION_PATTERN]: DURATION,
  [SCENARIO_PATTERN]: 'a scenario name (a letter, then letters, digits, _ or -; at most 64 characters)',
  [METRIC_KEY_PATTERN]: 'a metric such as "latency", optionally with tags: "latency{scenario:echo}" (1 to 300 characters)',
};

type Schema = {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  discriminator?: { propertyName: string };
};

const ROOT = LOAD_JSON_SCHEMA as Schema & { $defs: Record<string, Schema> };
const own = (v: unknown, key: string): unknown =>
  v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;

/** Shape problems of `value` (empty when it conforms), one sentence each, without repeats. */
export function schemaProblems(value: unknown): string[] {
  if (check(value)) return [];
  const out = new Set<string>();
  for (const error of check.errors ?? []) out.add(sentence(error, schemaAt(value, error.instancePath)));
  out.delete(''); // the inner error of a propertyNames failure: its outer error says it
  return [...out];
}

/** A schema with its `$ref` followed and, for a tagged union, the branch the data's tag picks. */
function resolve(schema: Schema, data: unknown): Schema {
  let s = schema;
  if (s.$ref?.startsWith('#/$defs/')) s = { ...ROOT.$defs[s.$ref.slice('#/$defs/'.length)], ...withoutRef(s) };
  if (s.discriminator && s.oneOf) {
    const tag = own(data, s.discriminator.propertyName);
    return s.oneOf.find((b) => (b.properties?.[s.discriminator!.propertyName] as { const?: unknown } | undefined)?.const === tag) ?? s;
  }
  return s;
}
const withoutRef = ({ $ref: _, description: __, ...rest }: Schema & { description?: string }) => rest;

/** The schema and value at a JSON pointer (ajv's instancePath), walking own keys only. */
function schemaAt(value: unknown, pointer: string): { schema: Schema; data: unknown } {
  let schema = resolve(ROOT, value);
  let data = value;
  for (const key of pointerKeys(pointer)) {
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const next = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key]! : (schema.items ?? extra ?? {});
    data = own(data, key);
    schema = resolve(next, data);
  }
  return { schema, data };
}

function expected(s: Schema): string {
  if (s.pattern === DURATION_PATTERN) {
    const bounds = s.exclusiveMinimum !== undefined ? '> 0' : '≥ 0';
    return Array.isArray(s.type) && s.type.includes('object') ? `${DURATION} or {min, max}` : `${DURATION}, ${bounds} and at most 24h`;
  }
  if (Array.isArray(s.type) && s.type.includes('object') && s.properties?.['threshold']) return THRESHOLD;
  if (s.type === 'number' || s.type === 'integer') return numberRange(s);
  if (s.type === 'string') {
    if (s.pattern !== undefined) return PATTERNS[s.pattern] ?? `a string matching ${s.pattern}`;
    return `a string of ${s.minLength ?? 0} to ${s.maxLength ?? '∞'} characters`;
  }
  if (s.type === 'object') return 'an object';
  if (s.type === 'array') return 'an array';
  return s.type === 'boolean' ? 'true or false' : `a ${String(s.type)}`;
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function sentence(error: ErrorObject, where: { schema: Schema; data: unknown }): string {
  const params = error.params as Record<string, unknown>;
  const at = pathOf(error.instancePath);
  const { schema } = where;
  const received = describeValue(where.data);
  switch (error.keyword) {
    case 'required':
      return `${pathOf(error.instancePath, String(params['missingProperty']))}: required, missing`;
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const known = Object.keys(schema.properties ?? {});
      const hint = closest(extra, known);
      return `${pathOf(error.instancePath, extra)}: unknown field${hint ? ` (did you mean "${hint}"?)` : ''} (known: ${known.join(', ')})`;
    }
    case 'propertyNames':
      return `${pathOf(error.instancePath, String(params['propertyName']))}: expected the key to be ${keyShape(schema)}`;
    case 'pattern':
      if (error.propertyName !== undefined) return '';
      return `${at}: expected ${expected(schema)}, received ${received}`;
    case 'minProperties':
      return `${at}: expected at least ${String(params['limit'])} entr${params['limit'] === 1 ? 'y' : 'ies'}, received none`;
    case 'maxProperties':
      return `${at}: expected at most ${String(params['limit'])} entries, received ${Object.keys(where.data as object).length}`;
    case 'minItems':
      return `${at}: expected at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}, received ${received}`;
    case 'maxItems':
      return `${at}: expected at most ${String(params['limit'])} items, received ${received}`;
    case 'enum':
      return `${at}: expected one of ${list(params['allowedValues'] as unknown[])}, received ${received}`;
    case 'const':
      return `${at}: expected ${JSON.stringify(params['allowedValue'])}, received ${received}`;
    case 'discriminator': {
      const tag = String(params['tag']);
      const tags = (schema.oneOf ?? []).map((b) => (b.properties?.[tag] as { const?: unknown } | undefined)?.const);
      return `${pathOf(error.instancePath, tag)}: expected one of ${list(tags)}, received ${describeValue(params['tagValue'])}`;
    }
    default:
      return `${at}: expected ${expected(schema)}, received ${received}`;
  }
}

function keyShape(schema: Schema & { propertyNames?: Schema }): string {
  const pattern = schema.propertyNames?.pattern;
  return pattern !== undefined ? (PATTERNS[pattern] ?? `a string matching ${pattern}`) : 'a valid key';
}
