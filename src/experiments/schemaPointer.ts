/** Pieces shared by the schema problem writers (chaos and load schemaProblems.ts, the contracts' sentences). */

/** The keys of a JSON pointer (ajv's instancePath), unescaped; '' is the root. */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a JSON pointer names inside `root` (own keys only: content is JSON from outside). */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const key of pointerKeys(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** "an integer ≥ 1 and ≤ 10", "a number > 0": a numeric schema's range in words. */
export function numberRange(s: { type?: unknown; exclusiveMinimum?: number; minimum?: number; maximum?: number }): string {
  const bounds: string[] = [];
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined) bounds.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) bounds.push(`≤ ${s.maximum}`);
  return `${s.type === 'integer' ? 'an integer' : 'a number'}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
}
