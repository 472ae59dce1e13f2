/**
 * The run as one self-contained HTML file to download (as k6's web dashboard exports):
 * inline CSS, the verdict, thresholds, every figure, and SVG charts of the time series with
 * chaos faults shaded on the same axis. No script runs and nothing is fetched; the summary
 * JSON rides along in a data block so the file can be read back.
 */
import type { SeriesPoint } from '../metrics/timeSeries';
import type { LoadSummary, SummaryMetric } from './buildSummary';
import { escapeHtml } from './escapeHtml';
import { formatDuration, formatFigure, formatPercent, trimNumber } from './formatFigures';
import { svgLineChart, type ChartLine } from './svgLineChart';

export interface HtmlReportOptions {
  title?: string;
  /** When the report was made, as the caller words it (no clock is read here). */
  generatedAt?: string;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.verdict{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600}
.pass{background:#dff5e3;color:#11612a}.fail{background:#fde2e1;color:#9b1c1c}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}td,th{padding:3px 10px;border-bottom:1px solid #e4e7ec;text-align:right}
td:first-child,th:first-child{text-align:left}.sub td:first-child{padding-left:24px;color:#555}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}
svg .grid{stroke:#e4e7ec}svg .tick,svg .legend{font-size:11px;fill:#555}svg .band{fill:#f59e0b;opacity:.18}`;

const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

export function renderHtmlReport(summary: LoadSummary, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Load test report';
  const verdict = summary.passed ? '<span class="verdict pass">✓ passed</span>' : '<span class="verdict fail">✗ failed</span>';
  const aborted = summary.state.abortedBy ? ` · aborted by ${escapeHtml(summary.state.abortedBy)}` : '';
  const generated = options.generatedAt ? ` · ${escapeHtml(options.generatedAt)}` : '';
  const data = JSON.stringify(summary).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>${verdict} · ran ${escapeHtml(formatDuration(summary.state.testRunDurationMs))}${aborted}${generated}</p>
${thresholdTable(summary)}${chartSection(summary)}${metricTables(summary)}
<script type="application/json" id="orrery-load-summary">${data}</script>
</body></html>
`;
}

function thresholdTable(summary: LoadSummary): string {
  if (summary.thresholds.length === 0) return '';
  const rows = summary.thresholds.map((r) => {
    const shape = summary.metrics[r.metric] ?? { type: 'trend', contains: 'default' };
    const observed = r.observed === null ? 'no such metric' : formatFigure(r.observed, r.aggregation, shape);
    const mark = r.passed ? '<span class="verdict pass">✓</span>' : '<span class="verdict fail">✗</span>';
    return `<tr><td>${escapeHtml(r.metric)}</td><td>${escapeHtml(r.source)}</td><td>${escapeHtml(observed)}</td><td>${mark}</td></tr>`;
  });
  return `<h2>Thresholds</h2><table><tr><th>metric</th><th>threshold</th><th>observed</th><th></th></tr>${rows.join('')}</table>`;
}

function metricTables(summary: LoadSummary): string {
  const byType = (type: string) => Object.entries(summary.metrics).filter(([, m]) => m.type === type);
  const row = (key: string, cells: string[]) =>
    `<tr${key.includes('{') ? ' class="sub"' : ''}><td>${escapeHtml(key)}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const table = (heading: string, header: string[], rows: string[]) =>
    rows.length === 0
      ? ''
      : `<h2>${heading}</h2><table><tr><th>metric</th>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`;
  const fig = (m: SummaryMetric, stat: string) => formatFigure(m.values[stat] ?? 0, stat, m);
  return [
    table(
      'Trends',
      TREND_STATS,
      byType('trend').map(([k, m]) =>
        row(
          k,
          TREND_STATS.map((s) => fig(m, s)),
        ),
      ),
    ),
    table(
      'Counters',
      ['count', 'per second'],
      byType('counter').map(([k, m]) => row(k, [fig(m, 'count'), fig(m, 'rate')])),
    ),
    table(
      'Rates',
      ['rate', 'non-zero', 'total'],
      byType('rate').map(([k, m]) => row(k, rateCells(m))),
    ),
    table(
      'Gauges',
      ['value', 'min', 'max'],
      byType('gauge').map(([k, m]) =>
        row(
          k,
          ['value', 'min', 'max'].map((s) => fig(m, s)),
        ),
      ),
    ),
  ].join('');
}

function rateCells(m: SummaryMetric): string[] {
  const passes = m.values['passes'] ?? 0;
  return [formatPercent(m.values['rate'] ?? 0), String(passes), String(passes + (m.values['fails'] ?? 0))];
}

function chartSection(summary: LoadSummary): string {
  const s = summary.series;
  const xMaxMs = summary.state.testRunDurationMs;
  const bands = summary.annotations.map((a) => ({ startMs: a.startMs, endMs: a.endMs ?? a.startMs, label: a.label }));
  const line = (label: string, color: string, points: SeriesPoint[] | undefined, stat: string, scale = 1): ChartLine => ({
    label,
    color,
    points: (points ?? []).map((p) => [p.startMs, (p.values[stat] ?? 0) * scale] as const),
  });
  const charts = [
    {
      title: 'Throughput (per second)',
      y: (v: number) => `${trimNumber(v)}/s`,
      lines: [line('requests', '#2563eb', s['requests'], 'rate'), line('errors', '#dc2626', s['errors'], 'rate')],
    },
    {
      title: 'Latency',
      y: formatDuration,
      lines: [
        line('p(50)', '#16a34a', s['latency'], 'med'),
        line('p(95)', '#d97706', s['latency'], 'p(95)'),
        line('p(99)', '#dc2626', s['latency'], 'p(99)'),
      ],
    },
    { title: 'Error rate', y: (v: number) => `${trimNumber(v)}%`, lines: [line('errors', '#dc2626', s['error_rate'], 'rate', 100)] },
    { title: 'Virtual users', y: (v: number) => trimNumber(v), lines: [line('vus', '#7c3aed', s['vus'], 'value')] },
  ].filter((c) => c.lines.some((l) => l.points.length > 0));
  if (charts.length === 0) return '';
  const figures = charts.map(
    (c) =>
      `<figure>${svgLineChart({ title: c.title, lines: c.lines, formatY: c.y, xMaxMs, bands })}<figcaption>${escapeHtml(c.title)}</figcaption></figure>`,
  );
  return `<h2>Over time</h2><div class="charts">${figures.join('')}</div>`;
}
