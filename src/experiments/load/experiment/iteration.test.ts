import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../kernel/rng';
import { planIterations, thinkTimeMs } from './iteration';
import { parseLoadExperiment } from './parseLoadExperiment';

const experiment = parseLoadExperiment({
  schema: 'orrery.load/1',
  name: 'plans',
  scenarios: {
    ping: {
      executor: 'per-vu-iterations',
      vus: 4,
      iterations: 3,
      target: 'echo-${rand:int:1:50}',
      message: { performative: 'request', content: { from: '${vu}', at: '${iter}', nonce: '${rand:uuid}' } },
      thinkTime: { min: '100ms', max: '200ms' },
      timeout: '750ms',
    },
  },
});
const scenario = experiment.scenarios['ping']!;

describe('planning an iteration', () => {
  it('expands the target, the client and the message, and carries mode, timeout and think time', () => {
    const plan = planIterations('ping', scenario)({ vu: 2, iter: 1, scenarioIter: 5 }, 42);
    expect(plan.client).toBe('ping');
    expect(plan.draft).toMatchObject({ performative: 'request', sender: 'ping', content: { from: 2, at: 1 } });
    expect(plan.draft.receiver).toMatch(/^echo-([1-9]|[1-4][0-9]|50)$/);
    expect(plan).toMatchObject({ mode: 'request', timeoutMs: 750 });
    expect(plan.thinkMs).toBeGreaterThanOrEqual(100);
    expect(plan.thinkMs).toBeLessThanOrEqual(200);
  });

  it('gives the same plans for the same seed whatever the order the iterations run in, and others for another seed', () => {
    const starts = Array.from({ length: 12 }, (_, k) => ({ vu: (k % 4) + 1, iter: Math.floor(k / 4), scenarioIter: k }));
    const plan = planIterations('ping', scenario);
    const forward = starts.map((s) => plan(s, 7));
    const backward = [...starts]
      .reverse()
      .map((s) => planIterations('ping', scenario)(s, 7))
      .reverse();
    expect(backward).toEqual(forward);
    expect(starts.map((s) => plan(s, 8))).not.toEqual(forward);
    expect(new Set(forward.map((p) => (p.draft.content as { nonce: string }).nonce)).size).toBe(12);
  });

  it('draws a think time only from a range; a fixed one is exact', () => {
    expect(thinkTimeMs({ minMs: 250, maxMs: 250 }, createSeededRng(1))).toBe(250);
    expect(thinkTimeMs({ minMs: 0, maxMs: 0 }, createSeededRng(1))).toBe(0);
  });
});
