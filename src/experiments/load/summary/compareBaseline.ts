/**
 * Baselines (the agent testing toolkit's benchmark baselines): a saved summary, and a later
 * run compared with it figure by figure, the change in percent and a regression flag when a
 * figure got worse by more than a chosen margin (10 % by default). Direction comes from the
 * metric: latency up is worse, throughput down is worse, errors up are worse; a neutral
 * metric (a gauge of VUs) is shown but never flagged.
 */
import type { Better } from '../metrics/types';
import { SUMMARY_SCHEMA, type LoadSummary } from './buildSummary';

export const BASELINE_SCHEMA = 'orrery.load-baseline/1';

export interface Baseline {
  schema: typeof BASELINE_SCHEMA;
  name: string;
  /** When it was saved, as the caller words it (no clock is read here). */
  savedAt: string;
  /** The run, without its time series (a baseline compares totals). */
  summary: LoadSummary;
}

export interface BaselineRow {
  metric: string;
  /** `p(95)`, `avg`, `rate`... */
  stat: string;
  baseline: number;
  current: number;
  /** (current − baseline) / baseline in %; null when the baseline is 0 and the current is not. */
  changePct: number | null;
  better: Better;
  regression: boolean;
  improvement: boolean;
}

export interface BaselineComparison {
  regressionPct: number;
  rows: BaselineRow[];
  regressions: BaselineRow[];
  /** Keys in one run and not the other. */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
}

/** The figures compared per metric type: a trend's latency statistics, a counter's rate (so runs of different lengths compare), a rate's share. */
export const COMPARED_STATS = {
  trend: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
  counter: ['rate'],
  rate: ['rate'],
  gauge: ['max'],
} as const;

export function createBaseline(summary: LoadSummary, name: string, savedAt: string): Baseline {
  return { schema: BASELINE_SCHEMA, name, savedAt, summary: { ...summary, series: {} } };
}

/** Reads a baseline file's JSON, or says what is wrong with it. */
export function parseBaseline(json: unknown): { ok: true; baseline: Baseline } | { ok: false; expected: string; received: string } {
  const value = json as Partial<Baseline> | null;
  if (typeof value !== 'object' || value === null || value.schema !== BASELINE_SCHEMA)
    return { ok: false, expected: `a baseline with schema "${BASELINE_SCHEMA}"`, received: describeSchema(value) };
  const summary = value.summary as Partial<LoadSummary> | undefined;
  if (typeof summary !== 'object' || summary === null || summary.schema !== SUMMARY_SCHEMA || typeof summary.metrics !== 'object')
    return { ok: false, expected: `summary: a load summary with schema "${SUMMARY_SCHEMA}"`, received: describeSchema(summary) };
  return { ok: true, baseline: value as Baseline };
}

export function compareWithBaseline(
  current: LoadSummary,
  baseline: LoadSummary,
  options: { regressionPct?: number } = {},
): BaselineComparison {
  const regressionPct = options.regressionPct ?? 10;
  if (!(regressionPct >= 0)) throw new RangeError(`regressionPct must be ≥ 0, got ${regressionPct}`);
  const rows: BaselineRow[] = [];
  for (const [key, now] of Object.entries(current.metrics)) {
    const then = baseline.metrics[key];
    if (!then || then.type !== now.type) continue;
    for (const stat of COMPARED_STATS[now.type]) {
      rows.push(compareFigure(key, stat, then.values[stat] ?? 0, now.values[stat] ?? 0, now.better, regressionPct));
    }
  }
  return {
    regressionPct,
    rows,
    regressions: rows.filter((r) => r.regression),
    onlyInBaseline: Object.keys(baseline.metrics).filter((k) => !(k in current.metrics)),
    onlyInCurrent: Object.keys(current.metrics).filter((k) => !(k in baseline.metrics)),
  };
}

function compareFigure(metric: string, stat: string, baseline: number, current: number, better: Better, marginPct: number): BaselineRow {
  const changePct = baseline === 0 ? (current === 0 ? 0 : null) : ((current - baseline) / Math.abs(baseline)) * 100;
  // From zero, any change is beyond every margin.
  const change = changePct ?? (current > 0 ? Infinity : -Infinity);
  const worse = better === 'lower' ? change : better === 'higher' ? -change : 0;
  return { metric, stat, baseline, current, changePct, better, regression: worse > marginPct, improvement: worse < -marginPct };
}

function describeSchema(value: unknown): string {
  if (typeof value !== 'object' || value === null) return value === undefined ? 'nothing' : JSON.stringify(value);
  const schema = (value as { schema?: unknown }).schema;
  return schema === undefined ? 'an object without a schema' : `schema ${JSON.stringify(schema)}`;
}
