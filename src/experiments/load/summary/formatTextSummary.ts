/**
 * The end-of-test summary as text, like k6's: thresholds with ✓/✗ and the figure each judged,
 * then every metric on a dotted line (trends: avg min med max p(90) p(95) p(99); counters: the
 * count and its rate per second; rates: the percentage and "n out of m"; gauges: the value,
 * min and max), sub-metrics indented under their metric, and the verdict.
 */
import type { LoadSummary, SummaryMetric } from './buildSummary';
import { formatDuration, formatFigure, formatPercent, trimNumber } from './formatFigures';

export interface TextSummaryOptions {
  /** Sub-metrics listed: `thresholds` (those with thresholds, and per scenario) or `all`. */
  subMetrics?: 'thresholds' | 'all';
  trendStats?: readonly string[];
}

const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

export function formatTextSummary(summary: LoadSummary, options: TextSummaryOptions = {}): string {
  const lines: string[] = [];
  if (summary.thresholds.length > 0) lines.push('  █ THRESHOLDS', '', ...thresholdLines(summary), '');
  lines.push('  █ TOTAL RESULTS', '', ...metricLines(summary, options), '');
  lines.push(`  █ ${verdictLine(summary)}`, '');
  return lines.join('\n');
}

function thresholdLines(summary: LoadSummary): string[] {
  const lines: string[] = [];
  const byMetric = new Map<string, typeof summary.thresholds>();
  for (const r of summary.thresholds) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
  for (const [metric, results] of byMetric) {
    lines.push(`    ${metric}`);
    const shape = summary.metrics[metric] ?? { type: 'trend', contains: 'default' };
    for (const r of results) {
      const observed = r.observed === null ? 'no such metric' : `${r.aggregation}=${formatFigure(r.observed, r.aggregation, shape)}`;
      const noData = r.samples === 0 && r.observed !== null ? ' (no samples)' : '';
      lines.push(`    ${r.passed ? '✓' : '✗'} '${r.source}' ${observed}${noData}`);
    }
    lines.push('');
  }
  lines.pop();
  return lines;
}

function metricLines(summary: LoadSummary, options: TextSummaryOptions): string[] {
  const keys = Object.keys(summary.metrics).filter((key) => !key.includes('{') || showSubMetric(key, summary.metrics[key]!, options));
  const labels = keys.map((key) => (key.includes('{') ? `  { ${key.slice(key.indexOf('{') + 1, -1).replace(/,/g, ', ')} }` : key));
  const width = Math.max(30, ...labels.map((l) => l.length + 3));
  return keys.map((key, i) => `    ${labels[i]!.padEnd(width, '.')}: ${metricFigures(summary.metrics[key]!, options)}`);
}

function showSubMetric(key: string, metric: SummaryMetric, options: TextSummaryOptions): boolean {
  return options.subMetrics === 'all' || metric.thresholds !== undefined || key.includes('{scenario:');
}

function metricFigures(metric: SummaryMetric, options: TextSummaryOptions): string {
  const v = metric.values;
  switch (metric.type) {
    case 'trend':
      return (options.trendStats ?? TREND_STATS)
        .map((stat) => `${stat}=${formatFigure(v[stat] ?? 0, stat, metric)}`.padEnd(14))
        .join(' ')
        .trimEnd();
    case 'counter':
      return `${trimNumber(v['count'] ?? 0, 6).padEnd(8)} ${formatFigure(v['rate'] ?? 0, 'rate', metric)}`;
    case 'rate': {
      const passes = v['passes'] ?? 0;
      return `${formatPercent(v['rate'] ?? 0).padEnd(8)} ${passes} out of ${passes + (v['fails'] ?? 0)}`;
    }
    case 'gauge':
      return `${trimNumber(v['value'] ?? 0, 6).padEnd(8)} min=${trimNumber(v['min'] ?? 0, 6)} max=${trimNumber(v['max'] ?? 0, 6)}`;
  }
}

function verdictLine(summary: LoadSummary): string {
  const failed = summary.thresholds.filter((r) => !r.passed).length;
  const ran = `in ${formatDuration(summary.state.testRunDurationMs)}`;
  const aborted = summary.state.abortedBy ? `; aborted by ${summary.state.abortedBy}` : '';
  const count = summary.thresholds.length;
  if (summary.passed) return `RESULT: ✓ passed ${ran} (${count} ${count === 1 ? 'threshold' : 'thresholds'} held)`;
  return `RESULT: ✗ failed ${ran}: ${failed} of ${summary.thresholds.length} thresholds failed${aborted}`;
}
