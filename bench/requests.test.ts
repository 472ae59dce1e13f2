import { describe, expect, it } from 'vitest';
import { measureOpenLoop, percentile } from './requests';

describe('percentile', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the smallest sample with at least p % of the samples at or below it', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is NaN with no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('measureOpenLoop', () => {
  it('sends every request of the schedule and counts failures with the rest', async () => {
    let asked = 0;
    const r = await measureOpenLoop(
      async () => {
        if (++asked % 4 === 0) throw new Error('timeout');
      },
      2000,
      50,
    );
    expect(r.sent).toBe(100);
    expect(asked).toBe(100);
    expect(r.failed).toBe(25);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
  });

  it('sends the warm-up in the same loop and counts only the requests due after it', async () => {
    let asked = 0;
    const slowDuringWarmUp = async () => {
      // The first 40 requests (the warm-up at 2000/s for 20 ms) fail after 200 ms; the rest answer at once.
      if (++asked <= 40) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error('cold');
      }
    };
    const r = await measureOpenLoop(slowDuringWarmUp, 2000, 50, 20);
    expect(asked).toBe(140);
    expect(r.sent).toBe(100);
    expect(r.failed).toBe(0);
    // Counted, the warm-up's 40 would put the p99 at 200 ms or more.
    expect(r.p99Ms).toBeLessThan(150);
  });

  it('rejects when an ask throws instead of returning a promise, in a later turn of its loop', async () => {
    let asked = 0;
    const ask = (): Promise<void> => {
      if (++asked === 30) throw new Error('not a promise');
      return Promise.resolve();
    };
    await expect(measureOpenLoop(ask, 1000, 50)).rejects.toThrow('not a promise');
    expect(asked).toBe(30);
  });
});
