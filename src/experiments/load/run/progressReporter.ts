/**
 * What a running load experiment reports every `progressEveryMs`: totals, progress, the
 * 1 s series points completed since the previous report (per metric key), and how many
 * messages crossed each link since then (the canvas colours links by it).
 */
import type { KernelEvent } from '../../../kernel/types';
import type { ScenarioSet } from '../executors/scenarioSet';
import type { MetricRegistry } from '../metrics/createMetricRegistry';
import type { SeriesPoint } from '../metrics/timeSeries';
import type { SummaryAnnotation } from '../summary/buildSummary';
import { DEFAULT_SERIES_KEYS } from '../summary/buildSummary';
import type { ThresholdResult } from '../thresholds/evaluateThresholds';
import type { LoadProgress, LoadRunHooks, LoadTotals } from './types';

const SERIES_INTERVAL_MS = 1000;
/** Sub-metrics charted per scenario, client, agent, link and error kind. */
const TAGGED_SERIES = /^(latency|requests|error_rate|errors)\{(scenario|client|agent|link|kind):[^,]*\}$/;

export interface ProgressInputs {
  atMs: number;
  set: ScenarioSet;
  totals: LoadTotals;
  thresholds: ThresholdResult[];
  annotations: SummaryAnnotation[];
  hooks: LoadRunHooks;
}

export function createProgressReporter(registry: MetricRegistry) {
  const cursor = new Map<string, number>();
  let linkLoad: Record<string, number> = {};

  function newPoints(atMs: number): Record<string, SeriesPoint[]> {
    registry.seal(atMs);
    const keys = [...DEFAULT_SERIES_KEYS, ...registry.keys().filter((k) => TAGGED_SERIES.test(k))];
    const out: Record<string, SeriesPoint[]> = {};
    for (const key of keys) {
      const from = cursor.get(key) ?? 0;
      // Only the points since the last report are read, so an hour-long run's reports stay cheap.
      const points = registry.series(key, from).filter((p) => p.startMs + SERIES_INTERVAL_MS <= atMs);
      if (points.length === 0) continue;
      out[key] = points;
      cursor.set(key, points[points.length - 1]!.startMs + SERIES_INTERVAL_MS);
    }
    return out;
  }

  return {
    /** Counts deliveries per link (every event the run sees). */
    onEvent(e: KernelEvent): void {
      if (e.type === 'message.delivered' && e.link !== undefined) linkLoad[e.link] = (linkLoad[e.link] ?? 0) + 1;
    },
    report(p: ProgressInputs): LoadProgress {
      const progress = p.set.progress(p.atMs);
      const all = p.set.stats();
      const stats = all.total;
      const scenarioVus: Record<string, { vus: number; maxVUs: number }> = {};
      for (const [name, s] of Object.entries(all.scenarios))
        Object.defineProperty(scenarioVus, name, { value: { vus: s.busyVUs, maxVUs: s.allocatedVUs }, enumerable: true });
      const view = p.hooks.view?.();
      const out: LoadProgress = {
        atMs: p.atMs,
        fraction: progress.fraction,
        timeLeftMs: progress.timeLeftMs,
        vus: stats.busyVUs,
        maxVUs: stats.allocatedVUs,
        scenarioVus,
        totals: p.totals,
        points: newPoints(p.atMs),
        linkLoad,
        thresholds: p.thresholds,
        annotations: p.annotations,
        ...(view ? { canary: view } : {}),
      };
      linkLoad = {};
      return out;
    },
  };
}
