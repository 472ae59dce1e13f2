import { describe, expect, it } from 'vitest';
import { LOAD_STEPS, loadStep, loadStepText } from './loadScale';

describe('loadStep', () => {
  it('is 0 for no load, and for what is not a load', () => {
    expect(loadStep(0)).toBe(0);
    expect(loadStep(-3)).toBe(0);
    expect(loadStep(Number.NaN)).toBe(0);
  });

  it('puts each decade of msgs/s in its step, bounds going to the higher step', () => {
    expect([0.05, 9.99, 10, 99.9, 100, 999, 1000, 250_000].map(loadStep)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('never goes down as the load goes up', () => {
    let last = 0;
    for (let rate = 0; rate < 20_000; rate = rate * 1.3 + 0.1) {
      const step = loadStep(rate);
      expect(step).toBeGreaterThanOrEqual(last);
      last = step;
    }
    expect(last).toBe(4);
  });
});

describe('the legend', () => {
  it('has one label per step, saying which rates it covers', () => {
    expect(LOAD_STEPS.map((s) => s.label)).toEqual(['under 10 msg/s', '10–100 msg/s', '100–1,000 msg/s', '1,000 msg/s and more']);
  });

  it('names the step of a link in words', () => {
    expect(loadStepText(0)).toBe('no load');
    expect(loadStepText(loadStep(250))).toBe('load 3 of 4: 100–1,000 msg/s');
  });
});
