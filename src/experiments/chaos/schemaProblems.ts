/**
 * Checks a value against the experiment JSON Schema with ajv and turns ajv's errors into
 * sentences that name the path, what was expected and what came:
 * `experiment.schedule.phases[0].durationMs: expected a number > 0 and ≤ 3600000, received number 1e+300`.
 */
import type { ErrorObject } from 'ajv';
import { closest, describeValue } from '../../protocol/describe';
import { EXPERIMENT_JSON_SCHEMA } from './experimentSchema';
import { validate } from './experimentValidator.generated';
import { ID_PATTERN, KIND_PATTERN, LABEL_PATTERN, NAME_PATTERN, TEXT_PATTERN } from './limits';
import { numberRange, pointerKeys } from '../schemaPointer';

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 50;

/** The validator ajv generated from EXPERIMENT_JSON_SCHEMA (see validatorSource.ts). */
const check = validate as unknown as { (value: unknown): boolean; errors?: ErrorObject[] | null };

/** Shape problems of `value` (empty when it conforms); `capped` shortens the list for people. */
export function schemaProblems(value: unknown): string[] {
  if (check(value)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const error of check.errors ?? []) {
    const text = sentence(error, schemaAt(value, error.instancePath));
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

export function capped(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`];
}

/** `/schedule/phases/0/name` → `experiment.schedule.phases[0].name`. */
export function pathOf(pointer: string, extra?: string): string {
  const keys =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) keys.push(extra);
  let out = 'experiment';
  for (const key of keys) out += /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return out;
}

const PATTERNS: Record<string, string> = {
  [NAME_PATTERN]: 'a name (a letter or digit, then letters, digits or _ . : @ + / # -; at most 128 characters)',
  [ID_PATTERN]: 'an id (a letter or digit, then letters, digits or _ . : @ + / # -; at most 300 characters)',
  [LABEL_PATTERN]: 'a label (a letter or digit, then letters, digits, spaces or _ . : @ + / # , -; at most 128 characters)',
  [KIND_PATTERN]: 'an agent kind such as "echo" or "custom:<hash>"',
  [TEXT_PATTERN]: 'text without control characters',
};

type Schema = {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  discriminator?: { propertyName: string };
  const?: unknown;
};

const ROOT = EXPERIMENT_JSON_SCHEMA as Schema & { definitions: Record<string, Schema> };
const own = (v: unknown, key: string): unknown =>
  v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;

/** A schema with its `$ref` followed and, for a tagged union, the branch the data's tag picks. */
function resolve(schema: Schema, data: unknown): Schema {
  let s = schema;
  if (s.$ref?.startsWith('#/definitions/')) s = ROOT.definitions[s.$ref.slice('#/definitions/'.length)] ?? {};
  if (s.discriminator && s.oneOf) {
    const tag = own(data, s.discriminator.propertyName);
    return s.oneOf.find((b) => b.properties?.[s.discriminator!.propertyName]?.const === tag) ?? s;
  }
  return s;
}

/** The schema and value at a JSON pointer (ajv's instancePath), walking own keys only. */
function schemaAt(value: unknown, pointer: string): { schema: Schema; data: unknown } {
  let schema = resolve(ROOT, value);
  let data = value;
  for (const key of pointerKeys(pointer)) {
    const next = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key]! : (schema.items ?? {});
    data = own(data, key);
    schema = resolve(next, data);
  }
  return { schema, data };
}

function stringShape(s: Schema): string {
  if (s.pattern !== undefined) return PATTERNS[s.pattern] ?? `a string matching ${s.pattern}`;
  return `a string of ${s.minLength ?? 0} to ${s.maxLength ?? '∞'} characters`;
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function sentence(error: ErrorObject, where: { schema: Schema; data: unknown }): string {
  const params = error.params as Record<string, unknown>;
  const at = pathOf(error.instancePath);
  const schema = where.schema;
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
    case 'type':
      if (schema.type === 'number' || schema.type === 'integer') return `${at}: expected ${numberRange(schema)}, received ${received}`;
      if (schema.type === 'string') return `${at}: expected ${stringShape(schema)}, received ${received}`;
      return `${at}: expected ${params['type'] === 'object' ? 'an object' : params['type'] === 'array' ? 'an array' : `a ${String(params['type'])}`}, received ${received}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at}: expected ${numberRange(schema)}, received ${received}`;
    case 'minLength':
    case 'maxLength':
    case 'pattern':
      return `${at}: expected ${stringShape(schema)}, received ${received}`;
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
      const tags = (schema.oneOf ?? []).map((b) => b.properties?.[tag]?.const);
      return `${pathOf(error.instancePath, tag)}: expected one of ${list(tags)}, received ${describeValue(params['tagValue'])}`;
    }
    default:
      return `${at}: ${error.message ?? error.keyword}, received ${received}`;
  }
}
