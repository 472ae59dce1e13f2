/** A small finished run for the summary tests: two scenarios over 10 s, a few errors, thresholds. */
import { createMetricRegistry } from '../metrics/createMetricRegistry';
import { LOAD_METRICS, recordOutcome } from '../metrics/loadMetrics';
import { checkThresholds, thresholdVerdict } from '../thresholds/evaluateThresholds';
import { parseThresholds } from '../thresholds/parseThresholds';
import { buildSummary, type LoadSummary } from './buildSummary';

export function sampleRun(options: { latencyScale?: number; thresholds?: Record<string, unknown[]>; abort?: boolean } = {}): LoadSummary {
  const registry = createMetricRegistry(LOAD_METRICS);
  const { thresholds } = parseThresholds(
    options.thresholds ?? { latency: ['p(95)<50', 'avg<20'], error_rate: ['rate<0.05'], 'latency{scenario:b}': ['max<1000'] },
  );
  for (const t of thresholds) registry.watch(t.metric);
  const scale = options.latencyScale ?? 1;
  for (let i = 0; i < 200; i++) {
    const atMs = i * 50;
    const tags = { scenario: i % 2 ? 'a' : 'b', agent: `echo-${i % 4}` };
    if (i % 40 === 39) recordOutcome(registry, { ok: false, kind: 'timeout' }, tags, atMs);
    else recordOutcome(registry, { ok: true, latencyMs: (1 + (i % 10) * 4) * scale }, tags, atMs);
    registry.add('vus', 1 + (i % 5), {}, atMs);
  }
  registry.seal(10_000);
  const abortedBy = options.abort ? checkThresholds(thresholds, registry, 10_000).abortBy : undefined;
  const verdict = thresholdVerdict(thresholds, registry, 10_000, abortedBy);
  return buildSummary(registry, {
    testRunDurationMs: 10_000,
    verdict,
    annotations: [{ startMs: 2000, endMs: 4000, label: 'fault: slow echo-1 (+50ms)' }],
  });
}
