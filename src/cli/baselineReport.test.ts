import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../experiments/load/summary';
import { sampleRun } from '../experiments/load/summary/fixtures';
import { regressionLine, renderBaselineComparison, shownRows } from './baselineReport';

const saved = { name: 'echo soak', savedAt: '2026-12-06T12:00:00.000Z' };

describe('baseline comparison text', () => {
  it('shows each top-level figure then → now with its change, and flags a slower run', () => {
    const slower = sampleRun({ latencyScale: 1.5 });
    const text = renderBaselineComparison(compareWithBaseline(slower, sampleRun()), slower, saved);
    expect(text).toContain('█ BASELINE "echo soak" (saved 2026-12-06T12:00:00.000Z), regression margin 10%');
    expect(text).toMatch(/latency p\(95\)\.+: [\d.]+ms → [\d.]+ms +\+\d+(\.\d)?% {2}✗ regression/);
    expect(text).toMatch(/requests rate\.+: .*\/s → .*\/s +0% *$/m);
    expect(text).toMatch(/█ BASELINE: ✗ \d+ figures regressed beyond 10%: latency avg \+/);
  });

  it('lists a sub-metric only when it moved beyond the margin and its metric did not, and says when nothing regressed', () => {
    const run = sampleRun();
    const same = compareWithBaseline(run, run);
    const text = renderBaselineComparison(same, run, saved);
    expect(text).not.toContain('{scenario:');
    expect(text).toContain('█ BASELINE: ✓ no figure regressed beyond 10%');
    const row = (metric: string, current: number) => {
      const changePct = current - 100;
      return {
        metric,
        stat: 'p(95)',
        baseline: 100,
        current,
        changePct,
        better: 'lower' as const,
        regression: changePct > 10,
        improvement: changePct < -10,
      };
    };
    const hidden = {
      ...same,
      rows: [row('latency', 105), row('latency{scenario:a}', 150), row('latency{scenario:b}', 50), row('latency{agent:x}', 103)],
    };
    hidden.regressions = hidden.rows.filter((r) => r.regression);
    expect(shownRows(hidden).map((r) => r.metric)).toEqual(['latency', 'latency{scenario:a}', 'latency{scenario:b}']);
    expect(regressionLine(hidden)).toBe('BASELINE: ✗ 1 figure regressed beyond 10%: latency{scenario:a} p(95) +50%');
  });
});
