import { describe, expect, it } from 'vitest';
import { computeRates, formatRate, sameRates } from './rates';

describe('rates', () => {
  it('starts at zero, then counts per second, smoothed', () => {
    const first = computeRates(null, { t: 0, counts: { a: 5 } });
    expect(first).toEqual({ a: 0 });
    const raw = computeRates({ t: 0, counts: { a: 0 } }, { t: 500, counts: { a: 50 } }, {}, 1);
    expect(raw.a).toBe(100);
    const smoothed = computeRates({ t: 0, counts: { a: 0 } }, { t: 1000, counts: { a: 100 } }, { a: 0 }, 0.5);
    expect(smoothed.a).toBe(50);
  });

  it('treats a counter that went down as zero and drops vanished keys', () => {
    const r = computeRates({ t: 0, counts: { a: 10, gone: 3 } }, { t: 1000, counts: { a: 2, fresh: 7 } }, {}, 1);
    expect(r).toEqual({ a: 0, fresh: 0 });
  });

  it('decays to idle', () => {
    let rates: Record<string, number> = { a: 10 };
    for (let i = 0; i < 20; i++) rates = computeRates({ t: i, counts: { a: 1 } }, { t: i + 1000, counts: { a: 1 } }, rates);
    expect(rates.a).toBe(0);
  });

  it('compares within 1% and formats compactly', () => {
    expect(sameRates({ a: 100 }, { a: 100.5 })).toBe(true);
    expect(sameRates({ a: 100 }, { a: 103 })).toBe(false);
    expect(sameRates({ a: 1 }, { b: 1 })).toBe(false);
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(12.4)).toBe('12');
    expect(formatRate(1234)).toBe('1.2k');
    expect(formatRate(12_345)).toBe('12k');
  });
});
