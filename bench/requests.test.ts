import { describe, expect, it } from 'vitest';
import { percentile } from './requests';

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
