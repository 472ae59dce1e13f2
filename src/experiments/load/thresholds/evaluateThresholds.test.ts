import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMetricRegistry } from '../metrics/createMetricRegistry';
import { LOAD_METRICS } from '../metrics/loadMetrics';
import { checkThresholds, evaluateThresholds, thresholdVerdict, watchThresholdMetrics } from './evaluateThresholds';
import { parseThresholds, type Threshold } from './parseThresholds';

function thresholdsOf(config: Record<string, unknown[]>): Threshold[] {
  const { thresholds, problems } = parseThresholds(config);
  expect(problems).toEqual([]);
  return thresholds;
}

function latencies(values: number[], tags = {}) {
  const registry = createMetricRegistry(LOAD_METRICS);
  for (const v of values) registry.add('latency', v, tags);
  return registry;
}

/** The reference: exact statistics over a sorted array and a plain comparison. */
function referenceHolds(values: number[], aggregation: string, operator: string, bound: number): boolean {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length === 0 ? 0 : sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!);
  const observed: Record<string, number> = {
    avg: sorted.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    med: rank(50),
    'p(90)': rank(90),
    'p(99.9)': rank(99.9),
  };
  const o = observed[aggregation]!;
  return { '<': o < bound, '<=': o <= bound, '>': o > bound, '>=': o >= bound, '==': o === bound, '!=': o !== bound }[operator]!;
}

describe('evaluateThresholds', () => {
  it('agrees with a reference evaluator on random latencies and expressions', () => {
    // Whole microseconds below 2.048 ms: the HDR histogram holds these exactly, so the verdicts must match exactly.
    const values = fc.array(
      fc.integer({ min: 0, max: 2047 }).map((us) => us / 1000),
      { maxLength: 200 },
    );
    const expression = fc.record({
      aggregation: fc.constantFrom('avg', 'min', 'max', 'med', 'p(90)', 'p(99.9)'),
      operator: fc.constantFrom('<', '<=', '>', '>=', '==', '!='),
      bound: fc.integer({ min: 0, max: 2047 }).map((us) => us / 1000),
      spaces: fc.constantFrom('', ' ', '  '),
    });
    fc.assert(
      fc.property(values, expression, (vs, { aggregation, operator, bound, spaces }) => {
        const source = `${aggregation}${spaces}${operator}${spaces}${bound}`;
        const [result] = evaluateThresholds(thresholdsOf({ latency: [source] }), latencies(vs), 1000);
        expect(result!.passed).toBe(referenceHolds(vs, aggregation, operator, bound));
      }),
    );
  });

  it('fails a p(95) above its bound and reports the figure observed', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // p(95) = 95
    const [fails, passes] = evaluateThresholds(thresholdsOf({ latency: ['p(95)<50', 'p(95)<=96'] }), latencies(values), 1000);
    expect(fails).toMatchObject({ metric: 'latency', source: 'p(95)<50', passed: false, samples: 100 });
    // HDR reports the top of the value's bucket (3 significant digits): never below the exact figure, at most 0.1 % above.
    expect(fails!.observed).toBeGreaterThanOrEqual(95);
    expect(fails!.observed).toBeLessThanOrEqual(95.095);
    expect(passes).toMatchObject({ passed: true });
  });

  it('judges a tagged sub-metric on its own samples only', () => {
    const registry = createMetricRegistry(LOAD_METRICS);
    const thresholds = thresholdsOf({ 'latency{scenario:slow,agent:a}': ['max<100'], 'latency{scenario:fast}': ['max<100'] });
    watchThresholdMetrics(registry, thresholds);
    registry.add('latency', 500, { scenario: 'slow', agent: 'a' });
    registry.add('latency', 5, { scenario: 'fast', agent: 'a' });
    expect(evaluateThresholds(thresholds, registry, 1000).map((r) => [r.metric, r.passed, r.observed])).toEqual([
      ['latency{agent:a,scenario:slow}', false, 500],
      ['latency{scenario:fast}', true, 5],
    ]);
  });

  it("reads a counter's count and its rate per second of the run, a rate's share, a gauge's value", () => {
    const registry = createMetricRegistry(LOAD_METRICS);
    for (let i = 0; i < 30; i++) registry.add('requests', 1);
    registry.add('error_rate', 1);
    registry.add('error_rate', 0);
    registry.add('vus', 7);
    registry.add('vus', 3);
    const results = evaluateThresholds(
      thresholdsOf({ requests: ['count>=30', 'rate==3'], error_rate: ['rate<0.5'], vus: ['value<5'] }),
      registry,
      10_000,
    );
    expect(results.map((r) => [r.source, r.observed, r.passed])).toEqual([
      ['count>=30', 30, true],
      ['rate==3', 3, true],
      ['rate<0.5', 0.5, false],
      ['value<5', 3, true],
    ]);
  });

  it('judges a metric with no samples on zeros, saying so; a metric not defined fails', () => {
    const registry = createMetricRegistry(LOAD_METRICS);
    const results = evaluateThresholds(thresholdsOf({ latency: ['p(95)<50'], requests: ['count>0'], custom: ['value<1'] }), registry, 1000);
    expect(results.map((r) => [r.passed, r.observed, r.samples])).toEqual([
      [true, 0, 0],
      [false, 0, 0],
      [false, null, 0],
    ]);
  });
});

describe('abortOnFail', () => {
  const registry = latencies([100, 200, 300]);
  const thresholds = thresholdsOf({
    latency: ['p(95)<50', { threshold: 'max<250', abortOnFail: true, delayAbortEval: '10s' }, { threshold: 'avg<1000', abortOnFail: true }],
  });

  it('stops the run only once delayAbortEval has passed, and only for an abortOnFail threshold', () => {
    expect(checkThresholds(thresholds, registry, 9_999).abortBy).toBeUndefined();
    expect(checkThresholds(thresholds, registry, 10_000).abortBy).toMatchObject({ source: 'max<250', observed: 300 });
    const failingPlain = thresholdsOf({ latency: ['p(95)<50'] });
    expect(checkThresholds(failingPlain, registry, 60_000).abortBy).toBeUndefined();
  });

  it('an aborted run fails, and the verdict lists what failed', () => {
    const aborted = checkThresholds(thresholds, registry, 12_000).abortBy;
    const verdict = thresholdVerdict(thresholds, registry, 12_000, aborted);
    expect(verdict.passed).toBe(false);
    expect(verdict.abortedBy?.source).toBe('max<250');
    expect(verdict.failed.map((r) => r.source)).toEqual(['p(95)<50', 'max<250']);
    expect(thresholdVerdict(thresholdsOf({ latency: ['avg<1000'] }), registry, 12_000).passed).toBe(true);
  });
});
