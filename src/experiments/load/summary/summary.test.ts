import { describe, expect, it } from 'vitest';
import { createMetricRegistry } from '../metrics/createMetricRegistry';
import { LOAD_METRICS } from '../metrics/loadMetrics';
import { buildSummary } from './buildSummary';
import { sampleRun } from './fixtures';
import { formatDuration } from './formatFigures';
import { formatTextSummary } from './formatTextSummary';
import { renderHtmlReport } from './renderHtmlReport';
import { toSummaryExport } from './summaryExport';

describe('buildSummary', () => {
  it("holds every metric with k6's figures, each key's thresholds and the verdict", () => {
    const summary = sampleRun();
    expect(summary.passed).toBe(true);
    expect(summary.state).toEqual({ testRunDurationMs: 10_000, aborted: false });
    expect(summary.metrics['requests']).toMatchObject({ type: 'counter', values: { count: 200, rate: 20 } });
    expect(summary.metrics['latency']?.thresholds).toEqual({ 'p(95)<50': { ok: true }, 'avg<20': { ok: true } });
    expect(summary.metrics['latency{scenario:b}']?.thresholds).toEqual({ 'max<1000': { ok: true } });
    expect(Object.keys(summary.metrics['latency']!.values)).toEqual(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)']);
    expect(summary.series['requests']).toHaveLength(10);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('says which threshold aborted the run', () => {
    const summary = sampleRun({ abort: true, thresholds: { latency: [{ threshold: 'avg<10', abortOnFail: true }] } });
    expect(summary.passed).toBe(false);
    expect(summary.state).toEqual({ testRunDurationMs: 10_000, aborted: true, abortedBy: "latency 'avg<10'" });
  });
});

describe('toSummaryExport', () => {
  it("has k6's --summary-export shape, thresholds true when they FAILED (k6's quirk)", () => {
    const exported = toSummaryExport(sampleRun({ thresholds: { latency: ['p(95)<50', 'avg<1'], vus: ['value<100'] } }));
    expect(exported.root_group).toEqual({ name: '', path: '', id: 'd41d8cd98f00b204e9800998ecf8427e', groups: {}, checks: {} });
    const latency = exported.metrics['latency']!;
    expect(Object.keys(latency)).toEqual(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'thresholds']);
    expect(latency['thresholds']).toEqual({ 'p(95)<50': false, 'avg<1': true });
    expect(exported.metrics['requests']).toEqual({ count: 200, rate: 20 });
    expect(exported.metrics['error_rate']).toEqual({ passes: 5, fails: 195, value: 0.025 });
    expect(exported.metrics['vus']).toEqual({ value: 5, min: 1, max: 5, thresholds: { 'value<100': false } });
  });
});

describe('formatTextSummary', () => {
  it('lists thresholds with ✓/✗ and the figure judged, metrics on dotted lines, and the verdict', () => {
    const text = formatTextSummary(sampleRun({ thresholds: { latency: ['p(95)<50', 'avg<1'], error_rate: ['rate<0.05'] } }));
    expect(text).toContain("    ✓ 'p(95)<50' p(95)=37ms");
    expect(text).toMatch(/✗ 'avg<1' avg=18\.54ms/);
    expect(text).toContain("✓ 'rate<0.05' rate=2.50%");
    expect(text).toMatch(/ {4}latency\.{5,}: avg=18\.54ms +min=1ms +med=17\.01ms +max=37ms +p\(90\)=33\.02ms +p\(95\)=37ms +p\(99\)=37ms/);
    expect(text).toMatch(/ {6}\{ scenario:a \}\.+: avg=/);
    expect(text).not.toContain('{ agent:echo-0 }');
    expect(text).toMatch(/requests\.+: 200 +20\/s/);
    expect(text).toMatch(/error_rate\.+: 2\.50% +5 out of 200/);
    expect(text).toMatch(/vus\.+: 5 +min=1 max=5/);
    expect(text).toContain('RESULT: ✗ failed in 10s: 1 of 3 thresholds failed');
  });

  it('marks a threshold judged on no samples', () => {
    const registry = createMetricRegistry(LOAD_METRICS);
    const summary = buildSummary(registry, {
      testRunDurationMs: 1000,
      verdict: {
        passed: true,
        failed: [],
        results: [
          {
            metric: 'latency',
            source: 'p(95)<5',
            aggregation: 'p(95)',
            observed: 0,
            passed: true,
            samples: 0,
            abortOnFail: false,
            delayAbortEvalMs: 0,
          },
        ],
      },
    });
    expect(formatTextSummary(summary)).toContain("✓ 'p(95)<5' p(95)=0s (no samples)");
  });

  it.each([
    [0, '0s'],
    [0.0075, '7.5µs'],
    [144.561, '144.56ms'],
    [1140, '1.14s'],
    [125_000, '2m5s'],
    [120_000, '2m'],
    [119_600, '2m'],
    [3_599_700, '60m'],
  ])('writes %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('renderHtmlReport', () => {
  it('is self-contained: no script runs, nothing is fetched, the charts are inline SVG', () => {
    const html = renderHtmlReport(sampleRun(), { title: 'Echo soak' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\ssrc=|\shref=|<link|@import|url\(|<script(?! type="application\/json")/);
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).toContain('<polyline');
    expect(html).toContain('class="band"');
    expect(html).toContain('fault: slow echo-1 (+50ms)');
  });

  it('escapes what it shows and carries the summary back out of its data block', () => {
    const registry = createMetricRegistry(LOAD_METRICS);
    registry.add('requests', 1, { scenario: '<script>alert(1)</script>' }, 0);
    const summary = buildSummary(registry, { testRunDurationMs: 1000 });
    const html = renderHtmlReport(summary, { title: '</title><b>x' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('</title><b>');
    const data = /<script type="application\/json" id="orrery-load-summary">(.*)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(data)).toEqual(summary);
  });
});
