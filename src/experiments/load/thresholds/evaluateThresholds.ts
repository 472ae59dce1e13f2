/**
 * Thresholds judged against the figures so far, as k6 does: at any time during a run (a
 * failing `abortOnFail` threshold stops the run, once `delayAbortEval` has passed since its
 * start) and at the end (any failing threshold fails the run). A metric with no samples is
 * judged on k6's zeros (count 0, rate 0, trend figures 0) and says so (`samples: 0`).
 */
import type { MetricView } from '../metrics/createMetricRegistry';
import { createSink, sampleCount } from '../metrics/sinks';
import { aggregate } from '../metrics/sinkValues';
import type { Threshold } from './parseThresholds';
import { compare } from './parseThresholdExpression';

export interface ThresholdResult {
  metric: string;
  /** The expression as written: `p(95)<50`. */
  source: string;
  aggregation: string;
  /** The figure judged (null: the metric is not defined at all). */
  observed: number | null;
  passed: boolean;
  samples: number;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
}

export interface ThresholdCheck {
  results: ThresholdResult[];
  /** The first failing abortOnFail threshold whose delay has passed: stop the run. */
  abortBy: ThresholdResult | undefined;
}

export interface ThresholdVerdict {
  passed: boolean;
  results: ThresholdResult[];
  failed: ThresholdResult[];
  /** Set when the run was stopped by a threshold. */
  abortedBy?: ThresholdResult;
}

/** Judges every threshold on the figures at `elapsedMs` from the run's start (a counter's rate is per second of it). */
export function evaluateThresholds(thresholds: readonly Threshold[], view: MetricView, elapsedMs: number): ThresholdResult[] {
  return thresholds.map((threshold) => evaluateOne(threshold, view, elapsedMs));
}

function evaluateOne(threshold: Threshold, view: MetricView, elapsedMs: number): ThresholdResult {
  const { expression } = threshold;
  const base = {
    metric: threshold.metric,
    source: expression.source,
    aggregation: expression.aggregation,
    abortOnFail: threshold.abortOnFail,
    delayAbortEvalMs: threshold.delayAbortEvalMs,
  };
  const definition = view.definition(threshold.metricName);
  if (!definition) return { ...base, observed: null, passed: false, samples: 0 };
  const sink = view.sink(threshold.metric) ?? createSink(definition.type);
  const observed =
    expression.percentile !== undefined && sink.type === 'trend'
      ? sink.trend.percentile(expression.percentile)
      : aggregate(sink, expression.aggregation, elapsedMs);
  if (observed === undefined) return { ...base, observed: null, passed: false, samples: sampleCount(sink) };
  return { ...base, observed, passed: compare(observed, expression.operator, expression.value), samples: sampleCount(sink) };
}

/** A check during the run: the results, and whether an abortOnFail threshold stops it now. */
export function checkThresholds(thresholds: readonly Threshold[], view: MetricView, elapsedMs: number): ThresholdCheck {
  const results = evaluateThresholds(thresholds, view, elapsedMs);
  const abortBy = results.find((r) => !r.passed && r.abortOnFail && elapsedMs >= r.delayAbortEvalMs);
  return { results, abortBy };
}

/** The end of the run: passed when every threshold holds (a run stopped by a threshold has failed). */
export function thresholdVerdict(
  thresholds: readonly Threshold[],
  view: MetricView,
  elapsedMs: number,
  abortedBy?: ThresholdResult,
): ThresholdVerdict {
  const results = evaluateThresholds(thresholds, view, elapsedMs);
  const failed = results.filter((r) => !r.passed);
  const verdict: ThresholdVerdict = { passed: failed.length === 0 && abortedBy === undefined, results, failed };
  if (abortedBy) verdict.abortedBy = abortedBy;
  return verdict;
}

/** Sub-metrics the thresholds read (`latency{scenario:a,agent:b}`) must be collected: watch them before the run. */
export function watchThresholdMetrics(registry: { watch(selector: string): string }, thresholds: readonly Threshold[]): void {
  for (const t of thresholds) registry.watch(t.metric);
}
