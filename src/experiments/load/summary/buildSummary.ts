/**
 * The end-of-test summary as data (k6's handleSummary `data`): every metric and sub-metric
 * with its figures by k6 name, each threshold with its verdict and observed figure, the run's
 * state, and the time series the report draws. Plain JSON: it is what `--summary-export`,
 * the text summary, the HTML report and baselines are made from.
 */
import type { MetricView } from '../metrics/createMetricRegistry';
import { compareMetricKeys } from '../metrics/metricKey';
import { createSink } from '../metrics/sinks';
import { sinkValues, type SinkValues } from '../metrics/sinkValues';
import type { SeriesPoint } from '../metrics/timeSeries';
import type { Better, MetricType } from '../metrics/types';
import type { ThresholdResult, ThresholdVerdict } from '../thresholds/evaluateThresholds';

export const SUMMARY_SCHEMA = 'orrery.load-summary/1';

export interface SummaryMetric {
  type: MetricType;
  contains: 'time' | 'default';
  better: Better;
  values: SinkValues;
  /** The thresholds on this key, by expression: `{ 'p(95)<50': { ok: true } }` (k6's form). */
  thresholds?: Record<string, { ok: boolean }>;
}

/** Something that happened on the run's time axis, e.g. a chaos fault: the report shades it. */
export interface SummaryAnnotation {
  startMs: number;
  endMs?: number;
  label: string;
}

export interface LoadSummary {
  schema: typeof SUMMARY_SCHEMA;
  state: { testRunDurationMs: number; aborted: boolean; abortedBy?: string };
  /** Every threshold held (and the run was not aborted); true when there are none. */
  passed: boolean;
  metrics: Record<string, SummaryMetric>;
  thresholds: ThresholdResult[];
  series: Record<string, SeriesPoint[]>;
  annotations: SummaryAnnotation[];
}

export interface BuildSummaryOptions {
  testRunDurationMs: number;
  verdict?: ThresholdVerdict;
  /** Keys whose time series go into the summary (default: the run's main metrics, when present). */
  seriesKeys?: readonly string[];
  annotations?: readonly SummaryAnnotation[];
}

export const DEFAULT_SERIES_KEYS = ['requests', 'latency', 'errors', 'error_rate', 'vus', 'dropped_iterations'] as const;

export function buildSummary(view: MetricView, options: BuildSummaryOptions): LoadSummary {
  const results = options.verdict?.results ?? [];
  const metrics: Record<string, SummaryMetric> = {};
  // A threshold's key with no samples is still listed (with k6's zeros, the figures it was judged on).
  const keys = [...new Set([...view.keys(), ...results.map((r) => r.metric)])].sort(compareMetricKeys);
  for (const key of keys) {
    const definition = view.definition(key.split('{')[0]!);
    if (!definition) continue;
    const sink = view.sink(key) ?? createSink(definition.type);
    const metric: SummaryMetric = {
      type: definition.type,
      contains: definition.contains,
      better: definition.better,
      values: sinkValues(sink, options.testRunDurationMs),
    };
    const own = results.filter((r) => r.metric === key);
    if (own.length > 0) metric.thresholds = Object.fromEntries(own.map((r) => [r.source, { ok: r.passed }]));
    metrics[key] = metric;
  }
  const series: Record<string, SeriesPoint[]> = {};
  for (const key of options.seriesKeys ?? DEFAULT_SERIES_KEYS) {
    const points = view.series(key);
    if (points.length > 0) series[key] = points;
  }
  const abortedBy = options.verdict?.abortedBy;
  const state: LoadSummary['state'] = { testRunDurationMs: options.testRunDurationMs, aborted: abortedBy !== undefined };
  if (abortedBy) state.abortedBy = `${abortedBy.metric} '${abortedBy.source}'`;
  return {
    schema: SUMMARY_SCHEMA,
    state,
    passed: options.verdict?.passed ?? true,
    metrics,
    thresholds: results,
    series,
    annotations: [...(options.annotations ?? [])],
  };
}
