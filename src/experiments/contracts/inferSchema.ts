/**
 * A draft JSON Schema from sample values: the types seen (integer and number merge to number),
 * objects with every key seen as a property and the keys present in every sample required,
 * arrays with one schema for all their elements, and a string enum only when few distinct
 * values were seen often enough to believe the set is closed. Every sample satisfies the result.
 */
import type { JsonSchema } from './types';

export interface InferOptions {
  /** At most this many distinct strings become an enum (default 5). */
  enumMaxValues?: number;
  /** ...and only after this many string samples (default 10), at least 3 per distinct value. */
  enumMinSamples?: number;
}

interface Collector {
  count: number;
  types: Set<string>;
  strings: number;
  /** Distinct strings, up to enumMaxValues + 1 (one more means "too many"). */
  distinct: Set<string>;
  objects: number;
  props: Map<string, Collector>;
  items?: Collector;
}

const newCollector = (): Collector => ({ count: 0, types: new Set(), strings: 0, distinct: new Set(), objects: 0, props: new Map() });

/** `inferSchema` one sample at a time: memory grows with the shapes seen, not the samples. */
export interface SchemaCollector {
  add(sample: unknown): void;
  /** The draft for the samples so far (`false`: none yet). */
  schema(): JsonSchema;
}

export function createSchemaCollector(options: InferOptions = {}): SchemaCollector {
  const enumMax = options.enumMaxValues ?? 5;
  const root = newCollector();
  return {
    add: (sample) => add(root, sample, enumMax),
    schema: () => (root.count === 0 ? false : toSchema(root, { enumMax, enumMinSamples: options.enumMinSamples ?? 10 })),
  };
}

export function inferSchema(samples: readonly unknown[], options: InferOptions = {}): JsonSchema {
  const collector = createSchemaCollector(options);
  for (const sample of samples) collector.add(sample);
  return collector.schema();
}

function add(c: Collector, value: unknown, enumMax: number): void {
  c.count++;
  if (value === null || value === undefined) c.types.add('null');
  else if (typeof value === 'boolean') c.types.add('boolean');
  else if (typeof value === 'number') c.types.add(Number.isInteger(value) ? 'integer' : 'number');
  else if (typeof value === 'string') {
    c.types.add('string');
    c.strings++;
    if (c.distinct.size <= enumMax) c.distinct.add(value);
  } else if (Array.isArray(value)) {
    c.types.add('array');
    for (const item of value) add((c.items ??= newCollector()), item, enumMax);
  } else if (typeof value === 'object') {
    c.types.add('object');
    c.objects++;
    for (const [key, v] of Object.entries(value)) {
      let prop = c.props.get(key);
      if (!prop) c.props.set(key, (prop = newCollector()));
      add(prop, v, enumMax);
    }
  }
}

const TYPE_ORDER = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

function toSchema(c: Collector, opts: { enumMax: number; enumMinSamples: number }): JsonSchema {
  const types = new Set(c.types);
  if (types.has('number')) types.delete('integer');
  const sorted = TYPE_ORDER.filter((t) => types.has(t));
  // Map + fromEntries: keys such as "__proto__" become plain own properties
  const schema = new Map<string, unknown>([['type', sorted.length === 1 ? sorted[0] : sorted]]);
  const distinct = c.distinct.size;
  if (
    sorted.length === 1 &&
    sorted[0] === 'string' &&
    distinct <= opts.enumMax &&
    c.strings >= Math.max(opts.enumMinSamples, 3 * distinct)
  ) {
    schema.set('enum', [...c.distinct].sort());
  }
  if (c.objects > 0) {
    const keys = [...c.props.keys()].sort();
    schema.set('properties', Object.fromEntries(keys.map((k) => [k, toSchema(c.props.get(k)!, opts)])));
    const required = keys.filter((k) => c.props.get(k)!.count === c.objects);
    if (required.length > 0) schema.set('required', required);
  }
  if (c.items) schema.set('items', toSchema(c.items, opts));
  return Object.fromEntries(schema);
}
