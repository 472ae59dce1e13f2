import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Trend } from './trend';

/** Nearest rank over the values as recorded (whole microseconds): what an exact percentile would say. */
function referencePercentile(valuesMs: number[], p: number): number {
  const micros = valuesMs.map((v) => Math.round(v * 1000)).sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * micros.length));
  return micros[rank - 1]! / 1000;
}

const latencies = fc.array(fc.double({ min: 0, max: 120_000, noNaN: true }), { minLength: 1, maxLength: 400 });
const percentiles = fc.constantFrom(0, 1, 50, 90, 95, 99, 99.9, 100);

function trendOf(values: number[]): Trend {
  const trend = new Trend();
  for (const v of values) trend.add(v);
  return trend;
}

describe('Trend', () => {
  it('gives every percentile within 0.1 % (3 significant digits) of the exact nearest rank', () => {
    fc.assert(
      fc.property(latencies, percentiles, (values, p) => {
        const expected = referencePercentile(values, p);
        const got = trendOf(values).percentile(p);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(expected / 1000 + 0.001);
      }),
    );
  });

  it('keeps count, min, max and avg exact', () => {
    fc.assert(
      fc.property(latencies, (values) => {
        const stats = trendOf(values).stats();
        expect(stats.count).toBe(values.length);
        expect(stats.min).toBe(Math.min(...values));
        expect(stats.max).toBe(Math.max(...values));
        expect(stats.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      }),
    );
  });

  it('merging two trends equals recording every value in one', () => {
    fc.assert(
      fc.property(latencies, latencies, percentiles, (a, b, p) => {
        const merged = trendOf(a);
        merged.merge(trendOf(b));
        const whole = trendOf([...a, ...b]);
        expect(merged.percentile(p)).toBe(whole.percentile(p));
        const { avg: mergedAvg, ...mergedRest } = merged.stats();
        const { avg: wholeAvg, ...wholeRest } = whole.stats();
        expect(mergedRest).toEqual(wholeRest);
        expect(mergedAvg).toBeCloseTo(wholeAvg, 6);
      }),
    );
  });

  it('survives encode and decode (the form that crosses threads) with the same figures', () => {
    fc.assert(
      fc.property(latencies, (values) => {
        const trend = trendOf(values);
        const copy = Trend.decode(JSON.parse(JSON.stringify(trend.encode())));
        expect(copy.stats()).toEqual(trend.stats());
        copy.add(5);
        expect(copy.count).toBe(values.length + 1);
      }),
    );
  });

  it('reports zeros when empty, as k6 does, and rejects NaN', () => {
    const trend = new Trend();
    expect(trend.stats()).toEqual({ count: 0, avg: 0, min: 0, med: 0, max: 0, 'p(90)': 0, 'p(95)': 0, 'p(99)': 0 });
    expect(Trend.decode(trend.encode()).count).toBe(0);
    expect(() => trend.add(Number.NaN)).toThrow(RangeError);
    trend.add(-3);
    expect(trend.stats().min).toBe(0);
  });

  it("loads none of the library's modules that eval (blocked by the app's CSP) or carry wasm", () => {
    new Trend().add(1);
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('hdr-histogram-js'));
    expect(loaded.some((path) => path.endsWith('Int32Histogram.js'))).toBe(true);
    expect(loaded.filter((path) => /JsHistogram\.encoding|hdrhistogram\.umd|[\\/]wasm[\\/]|[\\/]index\.js$/.test(path))).toEqual([]);
  });

  it('crosses a thread boundary (structured clone) with the same figures', () => {
    const trend = new Trend();
    for (let i = 0; i < 1000; i++) trend.add((i * 7919) % 5000);
    expect(Trend.decode(structuredClone(trend.encode())).stats()).toEqual(trend.stats());
  });
});
