/**
 * Tiny validators that say where and what: `schedule.phases[1].faults[0].probability:
 * expected a number in [0, 1], received 1.5`. Each returns the problems it found, so a
 * file with several mistakes is reported in one go.
 */
export type Check = (value: unknown, path: string, out: string[]) => void;

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const fail = (out: string[], path: string, expected: string, value: unknown) => out.push(`${path}: expected ${expected}, received ${describe(value)}`);

export const str =
  (opts: { nonEmpty?: boolean } = { nonEmpty: true }): Check =>
  (v, p, out) => {
    if (typeof v !== 'string' || (opts.nonEmpty !== false && v === '')) fail(out, p, 'a non-empty string', v);
  };

export const num =
  (opts: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean } = {}): Check =>
  (v, p, out) => {
    const { min, max, integer, exclusiveMin } = opts;
    const range = `${integer ? 'an integer' : 'a number'}${min !== undefined ? (exclusiveMin ? ` > ${min}` : ` ≥ ${min}`) : ''}${max !== undefined ? ` ≤ ${max}` : ''}`;
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(out, p, range, v);
    if (integer && !Number.isInteger(v)) return fail(out, p, range, v);
    if (min !== undefined && (exclusiveMin ? v <= min : v < min)) return fail(out, p, range, v);
    if (max !== undefined && v > max) return fail(out, p, range, v);
  };

export const bool = (): Check => (v, p, out) => {
  if (typeof v !== 'boolean') fail(out, p, 'true or false', v);
};

export const oneOf =
  (values: readonly string[]): Check =>
  (v, p, out) => {
    if (typeof v !== 'string' || !values.includes(v)) fail(out, p, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v);
  };

export const any = (): Check => () => undefined;

export const array =
  (item: Check, opts: { nonEmpty?: boolean } = {}): Check =>
  (v, p, out) => {
    if (!Array.isArray(v)) return fail(out, p, opts.nonEmpty ? 'a non-empty array' : 'an array', v);
    if (opts.nonEmpty && v.length === 0) return fail(out, p, 'a non-empty array', v);
    v.forEach((x, i) => item(x, `${p}[${i}]`, out));
  };

export interface Field {
  check: Check;
  optional?: boolean;
}

export const opt = (check: Check): Field => ({ check, optional: true });

/** An object with known fields; unknown fields are reported (a typo should not pass silently). */
export const object =
  (fields: Record<string, Check | Field>, opts: { extra?: boolean } = {}): Check =>
  (v, p, out) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(out, p, 'an object', v);
    const record = v as Record<string, unknown>;
    for (const [name, f] of Object.entries(fields)) {
      const field: Field = typeof f === 'function' ? { check: f } : f;
      const value = record[name];
      if (value === undefined) {
        if (!field.optional) out.push(`${p}.${name}: required, missing`);
        continue;
      }
      field.check(value, `${p}.${name}`, out);
    }
    if (!opts.extra) {
      for (const name of Object.keys(record)) if (!(name in fields)) out.push(`${p}.${name}: unknown field (known: ${Object.keys(fields).join(', ')})`);
    }
  };

/** Picks the object check by a discriminating field. */
export const tagged =
  (tag: string, variants: Record<string, Check>): Check =>
  (v, p, out) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(out, p, 'an object', v);
    const t = (v as Record<string, unknown>)[tag];
    const check = typeof t === 'string' ? variants[t] : undefined;
    if (!check) return fail(out, `${p}.${tag}`, `one of ${Object.keys(variants).map((x) => JSON.stringify(x)).join(', ')}`, t);
    check(v, p, out);
  };
