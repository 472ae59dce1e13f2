/**
 * Where a ramp stood when a threshold broke: the rate each open-model scenario was
 * scheduled to start iterations at, at the moment an abortOnFail threshold stopped the run.
 * That rate is the breaking point a "ramp until p95 crosses 50 ms" experiment looks for.
 */
import { arrivalSchedule } from '../executors/arrivalRate';
import type { LoadScenario } from '../experiment/types';
import { formatDuration, formatFigure, trimNumber } from '../summary/formatFigures';
import type { SummaryAnnotation } from '../summary/buildSummary';
import type { ThresholdResult } from '../thresholds/evaluateThresholds';
import type { BreakingPoint } from './types';

export function breakingPoint(scenarios: Record<string, LoadScenario>, threshold: ThresholdResult, atMs: number): BreakingPoint {
  const rates: Record<string, number> = {};
  for (const [name, s] of Object.entries(scenarios)) {
    if (s.executor !== 'constant-arrival-rate' && s.executor !== 'ramping-arrival-rate') continue;
    const perMs = arrivalSchedule(s).rateAt(atMs);
    if (perMs > 0) Object.defineProperty(rates, name, { value: perMs * 1000, enumerable: true, writable: true, configurable: true });
  }
  return { atMs, threshold: `${threshold.metric} ${threshold.source}`, observed: threshold.observed, rates };
}

/** One line on the run's time axis: what failed, what it measured, where the schedules stood. */
export function breakingPointAnnotation(
  point: BreakingPoint,
  threshold: ThresholdResult,
  metric: { type: string; contains: string } | undefined,
): SummaryAnnotation {
  const observed =
    point.observed === null
      ? 'no figure'
      : metric
        ? formatFigure(point.observed, threshold.aggregation, metric)
        : trimNumber(point.observed);
  const rates = Object.entries(point.rates).map(([name, perSecond]) => `${name} at ${trimNumber(perSecond, 1)}/s`);
  const schedule = rates.length > 0 ? `; scheduled rate ${rates.join(', ')}` : '';
  return {
    startMs: point.atMs,
    label: `breaking point: ${point.threshold} failed (observed ${observed}) at ${formatDuration(point.atMs)}${schedule}`,
  };
}
