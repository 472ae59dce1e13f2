/**
 * Decimal text of counters on the hot path, without V8's number-to-string cache.
 *
 * `${n}`, `'m' + n` and `String(n)` store each result in that cache: a table of up to 16k
 * entries in the old generation. A counter never hits it, yet every id string made that
 * way stays referenced from the table until ~16k later conversions overwrite its slot, so
 * it survives every scavenge in between and is promoted. At 30k round trips/s (three ids
 * each) that was ~2 MB/s into the old generation and the copying that made each scavenge
 * 1.5–2.5 ms: the tail of the request latency (`docs/data-path.md`). JSON.stringify
 * writes numbers through its own buffer, not the cache.
 */

/** `n` in decimal, as `String(n)` would write it, for a finite number. */
export function decimal(n: number): string {
  return JSON.stringify(n);
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * `prefix1`, `prefix2`, …: each call one more. Keeps the text of n / 10 and appends the
 * last digit, so an id costs one short concatenation (no division, no cache).
 */
export class DecimalSequence {
  private tens = 0;
  private ones = 0;
  private head: string;

  constructor(private readonly prefix: string) {
    this.head = prefix;
  }

  next(): string {
    if (++this.ones === 10) {
      this.ones = 0;
      this.head = this.prefix + decimal(++this.tens);
    }
    return this.head + DIGITS[this.ones]!;
  }
}
