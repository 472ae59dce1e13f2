/**
 * Exact percentiles (nearest rank) over a window's samples: windows hold thousands of
 * samples, so sorting is cheap and the answer is exact (no histogram bucketing error).
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}

export function percentileOfSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const clamped = Math.min(100, Math.max(0, p));
  const rank = Math.max(1, Math.ceil((clamped / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface LatencySummary {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): LatencySummary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0]!,
    p50: percentileOfSorted(sorted, 50)!,
    p90: percentileOfSorted(sorted, 90)!,
    p95: percentileOfSorted(sorted, 95)!,
    p99: percentileOfSorted(sorted, 99)!,
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}
