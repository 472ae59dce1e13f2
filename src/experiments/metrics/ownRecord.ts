/**
 * Counting into plain records keyed by names that come from files and agents. Own keys
 * only: a node called "constructor" or "__proto__" is counted like any other name and
 * never reads or replaces something inherited from Object.prototype.
 */
function define<T>(record: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** The entry for `key`, created with `make` when the record has no own entry yet. */
export function entry<T>(record: Record<string, T>, key: string, make: () => T): T {
  return Object.hasOwn(record, key) ? record[key]! : define(record, key, make());
}

/** Adds `n` to the count under `key`. */
export function tally(record: Record<string, number>, key: string, n = 1): void {
  define(record, key, (Object.hasOwn(record, key) ? record[key]! : 0) + n);
}
