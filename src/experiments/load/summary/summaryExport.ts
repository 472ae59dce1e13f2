/**
 * k6's `--summary-export` file: `{ root_group, metrics }`, each metric's figures flat
 * (trend avg/min/med/max/p(N); counter count and rate; rate passes, fails and value; gauge
 * value, min, max) and its thresholds as `{ expression: failed }`. Note k6's quirk, kept for
 * tools that read these files: in this format `true` means the threshold FAILED.
 */
import type { LoadSummary } from './buildSummary';

export interface SummaryExport {
  root_group: { name: string; path: string; id: string; groups: Record<string, never>; checks: Record<string, never> };
  metrics: Record<string, Record<string, number | Record<string, boolean>>>;
}

/** k6's default summaryTrendStats, with p(99) (the load lab reports it). */
export const EXPORT_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'] as const;

/** The MD5 of '' (k6's id of the root group, which has an empty path). */
const ROOT_GROUP_ID = 'd41d8cd98f00b204e9800998ecf8427e';

export function toSummaryExport(summary: LoadSummary, trendStats: readonly string[] = EXPORT_TREND_STATS): SummaryExport {
  const metrics: SummaryExport['metrics'] = {};
  for (const [key, metric] of Object.entries(summary.metrics)) {
    const v = metric.values;
    const flat: Record<string, number | Record<string, boolean>> = {};
    if (metric.type === 'trend') for (const stat of trendStats) flat[stat] = v[stat] ?? 0;
    else if (metric.type === 'counter') Object.assign(flat, { count: v['count'] ?? 0, rate: v['rate'] ?? 0 });
    else if (metric.type === 'rate') Object.assign(flat, { passes: v['passes'] ?? 0, fails: v['fails'] ?? 0, value: v['rate'] ?? 0 });
    else Object.assign(flat, { value: v['value'] ?? 0, min: v['min'] ?? 0, max: v['max'] ?? 0 });
    if (metric.thresholds)
      flat['thresholds'] = Object.fromEntries(Object.entries(metric.thresholds).map(([source, { ok }]) => [source, !ok]));
    metrics[key] = flat;
  }
  return { root_group: { name: '', path: '', id: ROOT_GROUP_ID, groups: {}, checks: {} }, metrics };
}
