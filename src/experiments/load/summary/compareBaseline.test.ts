import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline, parseBaseline } from './compareBaseline';
import type { LoadSummary, SummaryMetric } from './buildSummary';
import { sampleRun } from './fixtures';

function summaryOf(metrics: Record<string, SummaryMetric>): LoadSummary {
  return {
    schema: 'orrery.load-summary/1',
    state: { testRunDurationMs: 1000, aborted: false },
    passed: true,
    metrics,
    thresholds: [],
    series: {},
    annotations: [],
  };
}
const trend = (p95: number): SummaryMetric => ({
  type: 'trend',
  contains: 'time',
  better: 'lower',
  values: { avg: p95, min: 0, med: p95, max: p95, 'p(90)': p95, 'p(95)': p95, 'p(99)': p95 },
});
const counter = (rate: number, better: 'higher' | 'lower' = 'higher'): SummaryMetric => ({
  type: 'counter',
  contains: 'default',
  better,
  values: { count: rate, rate },
});
const row = (c: ReturnType<typeof compareWithBaseline>, metric: string, stat: string) =>
  c.rows.find((r) => r.metric === metric && r.stat === stat)!;

describe('compareWithBaseline', () => {
  it('flags latency up and throughput down beyond 10 %, not within it, and not the good direction', () => {
    const baseline = summaryOf({ latency: trend(100), requests: counter(1000), 'latency{scenario:a}': trend(100) });
    const current = summaryOf({ latency: trend(111), requests: counter(880), 'latency{scenario:a}': trend(109) });
    const c = compareWithBaseline(current, baseline);
    expect(row(c, 'latency', 'p(95)')).toMatchObject({ baseline: 100, current: 111, regression: true, improvement: false });
    expect(row(c, 'latency', 'p(95)').changePct).toBeCloseTo(11, 9);
    expect(row(c, 'latency{scenario:a}', 'p(95)')).toMatchObject({ regression: false });
    expect(row(c, 'requests', 'rate')).toMatchObject({ changePct: -12, regression: true });
    const better = compareWithBaseline(baseline, current);
    expect(better.regressions).toEqual([]);
    expect(row(better, 'requests', 'rate').improvement).toBe(true);
  });

  it('takes the margin given, and errors going up from zero are a regression', () => {
    const baseline = summaryOf({ latency: trend(100), errors: counter(0, 'lower') });
    const current = summaryOf({ latency: trend(111), errors: counter(2, 'lower') });
    const c = compareWithBaseline(current, baseline, { regressionPct: 20 });
    expect(row(c, 'latency', 'p(95)').regression).toBe(false);
    expect(row(c, 'errors', 'rate')).toMatchObject({ changePct: null, regression: true });
    expect(compareWithBaseline(baseline, baseline).rows.every((r) => r.changePct === 0 && !r.regression)).toBe(true);
  });

  it('never flags a neutral metric, and lists keys only one run has', () => {
    const gauge = (max: number): SummaryMetric => ({
      type: 'gauge',
      contains: 'default',
      better: 'neutral',
      values: { value: max, min: 0, max },
    });
    const c = compareWithBaseline(summaryOf({ vus: gauge(50), new: counter(1) }), summaryOf({ vus: gauge(10), old: counter(1) }));
    expect(row(c, 'vus', 'max')).toMatchObject({ changePct: 400, regression: false, improvement: false });
    expect([c.onlyInBaseline, c.onlyInCurrent]).toEqual([['old'], ['new']]);
  });

  it('a slower run of the same experiment regresses on latency against its saved baseline', () => {
    const saved = JSON.parse(JSON.stringify(createBaseline(sampleRun(), 'echo soak', '2026-12-06')));
    const parsed = parseBaseline(saved);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.baseline.summary.series).toEqual({});
    const c = compareWithBaseline(sampleRun({ latencyScale: 1.5 }), parsed.baseline.summary);
    expect(c.regressions.map((r) => `${r.metric} ${r.stat}`)).toContain('latency p(95)');
    expect(c.regressions.every((r) => r.metric.startsWith('latency'))).toBe(true);
  });

  it('refuses a file that is not a baseline, saying what came', () => {
    expect(parseBaseline({ schema: 'orrery.experiment/1' })).toEqual({
      ok: false,
      expected: 'a baseline with schema "orrery.load-baseline/1"',
      received: 'schema "orrery.experiment/1"',
    });
    expect(parseBaseline({ schema: 'orrery.load-baseline/1', summary: {} })).toMatchObject({
      ok: false,
      received: 'an object without a schema',
    });
  });
});
