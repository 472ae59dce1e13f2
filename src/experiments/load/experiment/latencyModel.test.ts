import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../kernel/rng';
import { agentLatency, linkLatency, sampleLatency } from './latencyModel';
import type { LatencyModel } from './types';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

describe('the latency model', () => {
  it('draws uniform latencies within their bounds and fixed ones exactly', () => {
    const rng = createSeededRng(3);
    const xs = Array.from({ length: 1000 }, () => sampleLatency({ distribution: 'uniform', minMs: 2, maxMs: 6 }, rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(6);
    expect(sampleLatency({ distribution: 'fixed', ms: 4 }, rng)).toBe(4);
  });

  it('gives a lognormal its median and its 99th percentile', () => {
    const rng = createSeededRng(11);
    const xs = Array.from({ length: 20_000 }, () => sampleLatency({ distribution: 'lognormal', medianMs: 5, p99Ms: 40 }, rng));
    expect(quantile(xs, 0.5)).toBeGreaterThan(4.7);
    expect(quantile(xs, 0.5)).toBeLessThan(5.3);
    expect(quantile(xs, 0.99)).toBeGreaterThan(34);
    expect(quantile(xs, 0.99)).toBeLessThan(47);
  });

  it('uses an entry of its own before the default, 0 without either, and the same seed draws the same', () => {
    const model: LatencyModel = {
      link: { distribution: 'fixed', ms: 1 },
      links: { 'a--b': { distribution: 'fixed', ms: 9 } },
      agents: { slow: { distribution: 'uniform', minMs: 10, maxMs: 20 } },
    };
    const rng = createSeededRng(1);
    expect(linkLatency(model, 'a--b', rng)).toBe(9);
    expect(linkLatency(model, 'c--d', rng)).toBe(1);
    expect(linkLatency(model, 'constructor', rng)).toBe(1);
    expect(agentLatency(model, 'fast', rng)).toBe(0);
    expect(agentLatency(undefined, 'slow', rng)).toBe(0);
    const draw = (seed: number) => Array.from({ length: 5 }, (_, i) => agentLatency(model, 'slow', createSeededRng(seed + i)));
    expect(draw(5)).toEqual(draw(5));
  });
});
