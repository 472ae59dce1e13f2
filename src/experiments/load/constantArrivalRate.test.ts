import { describe, expect, it } from 'vitest';
import { constantArrivalRate, sendsDue } from './constantArrivalRate';

describe('a constant arrival rate', () => {
  it('makes the first send due at once and then one per interval', () => {
    const s = constantArrivalRate(100);
    expect([0, 9, 10, 19, 20, 1000].map((ms) => s.dueBy(ms))).toEqual([1, 1, 2, 2, 3, 101]);
  });

  it('is due by the clock, not by what was sent: a late tick catches up', () => {
    const s = constantArrivalRate(1000);
    expect(sendsDue(s, 0, 0)).toBe(1);
    expect(sendsDue(s, 250, 1)).toBe(250);
    expect(sendsDue(s, 250, 251)).toBe(0);
  });

  it('has nothing due before the start or at rate zero, and refuses a rate that is not a number ≥ 0', () => {
    expect(constantArrivalRate(10).dueBy(-1)).toBe(0);
    expect(constantArrivalRate(0).dueBy(10_000)).toBe(0);
    expect(() => constantArrivalRate(-1)).toThrow(RangeError);
    expect(() => constantArrivalRate(Number.NaN)).toThrow(RangeError);
  });
});
