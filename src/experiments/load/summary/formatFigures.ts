/**
 * Figures written as k6 writes them: times in the unit that reads best (`7.5µs`, `144.56ms`,
 * `1.14s`, `2m5s`), rates as percentages, counters with their per-second rate.
 */

/** Two decimals at most, trailing zeros dropped: 1.10 → "1.1", 7.00 → "7". */
export function trimNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** A time in milliseconds. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1) return `${trimNumber(ms * 1000)}µs`;
  if (Math.abs(ms) < 1000) return `${trimNumber(ms)}ms`;
  if (Math.abs(ms) < 60_000) return `${trimNumber(ms / 1000)}s`;
  // Round to whole seconds first, so 119.6 s reads 2m, not 1m60s.
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total - minutes * 60;
  return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** A figure of a metric: times formatted as durations, a rate metric's `rate` as a percentage, others as numbers. */
export function formatFigure(value: number, aggregation: string, metric: { type: string; contains: string }): string {
  if (metric.contains === 'time' && aggregation !== 'count' && aggregation !== 'rate') return formatDuration(value);
  if (metric.type === 'rate' && aggregation === 'rate') return formatPercent(value);
  if (metric.type === 'counter' && aggregation === 'rate') return `${trimNumber(value, 6)}/s`;
  return trimNumber(value, 6);
}
