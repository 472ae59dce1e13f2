/**
 * Messages per second from monotonically growing counters, sampled now and then and
 * smoothed (exponential moving average) so that the numbers on the canvas do not flicker.
 */

export type Counts = Record<string, number>;

export interface RateSample {
  /** Milliseconds (any monotonic clock). */
  t: number;
  counts: Counts;
}

export type Rates = Record<string, number>;

/** Weight of the newest interval; 1 = no smoothing. */
export const SMOOTHING = 0.6;
/** Rates below this are shown (and animated) as idle. */
export const IDLE_RATE = 0.05;

/**
 * The rate per key between two samples, blended with the previous rates. Keys that
 * disappeared are dropped; a counter that went down (a reset) counts as zero.
 */
export function computeRates(prev: RateSample | null, next: RateSample, previous: Rates = {}, smoothing = SMOOTHING): Rates {
  const out: Rates = {};
  if (!prev) {
    for (const key of Object.keys(next.counts)) out[key] = 0;
    return out;
  }
  const seconds = (next.t - prev.t) / 1000;
  for (const [key, count] of Object.entries(next.counts)) {
    const before = prev.counts[key];
    const raw = seconds > 0 && before !== undefined && count >= before ? (count - before) / seconds : 0;
    const old = previous[key];
    const blended = old === undefined ? raw : old + smoothing * (raw - old);
    out[key] = blended < IDLE_RATE ? 0 : blended;
  }
  return out;
}

/** Same keys and values within 1%: lets the store skip an update that changes nothing visible. */
export function sameRates(a: Rates, b: Rates): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k]!;
    const y = b[k];
    if (y === undefined) return false;
    if (Math.abs(x - y) > Math.max(0.05, 0.01 * Math.max(x, y))) return false;
  }
  return true;
}

/** `1234.5` → `1.2k`, `12.34` → `12`, `0.42` → `0.4`. */
export function formatRate(rate: number): string {
  if (rate >= 10_000) return `${Math.round(rate / 1000)}k`;
  if (rate >= 1000) return `${(rate / 1000).toFixed(1)}k`;
  if (rate >= 10) return String(Math.round(rate));
  return rate.toFixed(1);
}
