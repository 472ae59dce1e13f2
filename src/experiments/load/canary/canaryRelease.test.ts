/** The canary state machine on a hand-driven clock: promote, hold, roll back (error rate, p95 against the stable), drain, route. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../kernel/rng';
import type { LoadCanary } from '../experiment/types';
import { CanaryRelease } from './canaryRelease';

const config = (over: Partial<LoadCanary> = {}, judge: Partial<LoadCanary['judge']> = {}): LoadCanary => ({
  stable: 'echo-1',
  canary: { name: 'echo-1-canary', kind: 'echo' },
  startTimeMs: 0,
  stages: [
    { weight: 10, durationMs: 1000 },
    { weight: 50, durationMs: 1000 },
    { weight: 100, durationMs: 1000 },
  ],
  judge: { maxErrorRate: 0.05, maxP95Ms: 50, maxP95RatioToStable: 1.5, minRequests: 10, maxHoldMs: 2000, ...judge },
  drainTimeoutMs: 1000,
  onSuccess: 'promote',
  ...over,
});

/** How each version answers: ok or not, and the latency. */
type Behaviour = (agent: string) => { ok: boolean; latencyMs: number };
const healthy: Behaviour = () => ({ ok: true, latencyMs: 10 });

/** Sends `perTick` messages to the stable agent every 100 ms from `fromMs` to `toMs` (both included), routed and answered at once. */
function drive(release: CanaryRelease, fromMs: number, toMs: number, behave: Behaviour, perTick = 20, inFlight = () => 0) {
  const rng = createSeededRng(7);
  const commands = [];
  for (let t = fromMs; t <= toMs; t += 100) {
    for (let i = 0; i < perTick; i++) {
      const agent = release.route('echo-1', rng);
      const { ok, latencyMs } = behave(agent);
      release.observe(agent, ok, latencyMs);
    }
    commands.push(...release.advance(t, inFlight()));
  }
  return commands;
}

describe('a canary release', () => {
  it('waits for its start time, then passes every stage and is promoted: all traffic to the canary', () => {
    const release = new CanaryRelease(config({ startTimeMs: 500 }));
    release.advance(400, 0);
    expect(release.view()).toMatchObject({ state: 'pending', stage: 0, weight: 0 });
    expect(drive(release, 500, 3600, healthy)).toEqual([]);
    const view = release.view();
    expect(view).toMatchObject({ state: 'promoted', stage: 3, stages: 3, weight: 100 });
    expect(view.verdicts.map((v) => [v.stage, v.weight, v.passed])).toEqual([
      [1, 10, true],
      [2, 50, true],
      [3, 100, true],
    ]);
    expect(view.verdicts[0]!.canary).toEqual({ requests: expect.any(Number), errorRate: 0, p95: 10 });
    expect(release.busy()).toBe(false);
    expect(release.annotations().map((a) => a.label)).toEqual([
      'canary stage 1/3: 10 % for 1 s',
      'canary stage 1 passed',
      'canary stage 2/3: 50 % for 1 s',
      'canary stage 2 passed',
      'canary stage 3/3: 100 % for 1 s',
      'canary stage 3 passed',
      'canary promoted: 100 % to echo-1-canary',
    ]);
    expect(release.annotations()[0]).toEqual({ startMs: 500, endMs: 1500, label: 'canary stage 1/3: 10 % for 1 s' });
  });

  it('judges the last 100 % stage against what the stable answered before (it gets nothing in that stage)', () => {
    const release = new CanaryRelease(config());
    drive(release, 0, 3000, healthy);
    const last = release.view().verdicts[2]!;
    expect(last.stable.requests).toBeGreaterThan(0);
    expect(last.reasons).toEqual([]);
  });

  it('keeps the last split on success when onSuccess is "keep"', () => {
    const release = new CanaryRelease(config({ onSuccess: 'keep', stages: [{ weight: 20, durationMs: 1000 }] }));
    drive(release, 0, 1000, healthy);
    expect(release.view()).toMatchObject({ state: 'promoted', weight: 20 });
  });

  it('holds a stage with too few requests (same weight) and judges it once they come', () => {
    const release = new CanaryRelease(config({}, { minRequests: 50 }));
    drive(release, 0, 1000, healthy, 2);
    expect(release.view()).toMatchObject({ state: 'judging', stage: 1, weight: 10, verdicts: [] });
    drive(release, 1100, 2500, healthy, 40);
    expect(release.view()).toMatchObject({ stage: 2, state: 'running', weight: 50 });
    expect(release.view().verdicts[0]).toMatchObject({ stage: 1, passed: true });
  });

  it('rolls back a stage still short of requests once maxHold has passed', () => {
    const release = new CanaryRelease(config({}, { minRequests: 1000, maxHoldMs: 500 }));
    drive(release, 0, 1400, healthy, 2);
    expect(release.view().state).toBe('judging');
    drive(release, 1500, 1500, healthy, 2);
    expect(release.view()).toMatchObject({ state: 'rolling-back', weight: 0 });
    expect(release.view().verdicts[0]!.reasons).toEqual([
      expect.stringMatching(/^too few requests to judge: \d+ of 1000 after holding 0\.5 s$/),
    ]);
  });

  it('rolls back on the canary’s error rate, and stops it at once when it holds nothing', () => {
    const release = new CanaryRelease(config());
    const failing: Behaviour = (agent) => ({ ok: agent !== 'echo-1-canary', latencyMs: 10 });
    expect(drive(release, 0, 1000, failing)).toEqual([]);
    const view = release.view();
    expect(view).toMatchObject({ state: 'rolling-back', weight: 0, stage: 1 });
    expect(view.verdicts[0]).toMatchObject({ passed: false, reasons: ['error rate 100.0 % > 5.0 %'], canary: { errorRate: 1 } });
    expect(release.busy()).toBe(true);
    expect(release.advance(1100, 0)).toEqual([{ type: 'agent.stop', name: 'echo-1-canary' }]);
    expect(release.view().state).toBe('rolled-back');
    expect(release.busy()).toBe(false);
    expect(
      release
        .annotations()
        .slice(-3)
        .map((a) => a.label),
    ).toEqual(['canary stage 1 failed: error rate 100.0 % > 5.0 %', 'canary drained', 'canary rolled back: echo-1-canary stopped']);
  });

  it('rolls back on p95 against the stable even under the absolute limit', () => {
    const release = new CanaryRelease(config({}, { maxP95Ms: 100, maxErrorRate: 0.05 }));
    const slow: Behaviour = (agent) => ({ ok: true, latencyMs: agent === 'echo-1-canary' ? 30 : 10 });
    drive(release, 0, 1000, slow);
    expect(release.view().verdicts[0]).toMatchObject({
      passed: false,
      reasons: ['p95 30.0 ms > 1.5 × the stable’s 10.0 ms'],
      canary: { p95: 30 },
      stable: { p95: 10 },
    });
    expect(release.view().state).toBe('rolling-back');
  });

  it('never sends the canary a message once rolled back, and takes no more of its figures', () => {
    const release = new CanaryRelease(config());
    drive(release, 0, 1000, (agent) => ({ ok: agent === 'echo-1', latencyMs: 1 }));
    const rng = createSeededRng(1);
    for (let i = 0; i < 1000; i++) expect(release.route('echo-1', rng)).toBe('echo-1');
  });

  it('drains: the stop waits until the canary holds nothing', () => {
    const release = new CanaryRelease(config({ drainTimeoutMs: 10_000 }));
    let inFlight = 3;
    drive(
      release,
      0,
      1000,
      (agent) => ({ ok: agent === 'echo-1', latencyMs: 1 }),
      20,
      () => inFlight,
    );
    expect(release.advance(1100, inFlight)).toEqual([]);
    expect(release.view().state).toBe('draining');
    inFlight = 1;
    expect(release.advance(5000, inFlight)).toEqual([]);
    expect(release.busy()).toBe(true);
    inFlight = 0;
    expect(release.advance(5100, inFlight)).toEqual([{ type: 'agent.stop', name: 'echo-1-canary' }]);
    expect(release.view().state).toBe('rolled-back');
    expect(release.annotations().find((a) => a.label === 'canary drained')).toEqual({
      startMs: 1000,
      endMs: 5100,
      label: 'canary drained',
    });
    expect(release.advance(5200, 0)).toEqual([]);
  });

  it('drains: the stop comes at the drain timeout however many are still in flight', () => {
    const release = new CanaryRelease(config({ drainTimeoutMs: 2000 }));
    drive(
      release,
      0,
      1000,
      (agent) => ({ ok: agent === 'echo-1', latencyMs: 1 }),
      20,
      () => 5,
    );
    expect(release.advance(2900, 5)).toEqual([]);
    expect(release.advance(3000, 5)).toEqual([{ type: 'agent.stop', name: 'echo-1-canary' }]);
    expect(release.annotations().some((a) => a.label === 'canary drained: drain timeout with 5 in flight')).toBe(true);
  });

  it('leaves other receivers alone and sends nothing to the canary before the first stage', () => {
    const release = new CanaryRelease(config({ startTimeMs: 1000 }));
    const rng = createSeededRng(3);
    for (let i = 0; i < 100; i++) expect(release.route('echo-1', rng)).toBe('echo-1');
    release.advance(1000, 0);
    for (let i = 0; i < 100; i++) expect(release.route('other', rng)).toBe('other');
  });

  it('splits the stable agent’s messages by the weight: the observed share converges to it, and weight 0 never routes to the canary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 0xffffffff }), (weight, seed) => {
        // weight 0: the release before its start time (the stages' weights are 1 to 100).
        const release = new CanaryRelease(
          config({ startTimeMs: weight === 0 ? 1 : 0, stages: [{ weight: Math.max(1, weight), durationMs: 1000 }] }),
        );
        release.advance(0, 0);
        expect(release.weight).toBe(weight);
        const rng = createSeededRng(seed);
        const n = 4000;
        let toCanary = 0;
        for (let i = 0; i < n; i++) if (release.route('echo-1', rng) === 'echo-1-canary') toCanary++;
        // 5 standard deviations of a binomial share: a wrong split fails, chance almost never does.
        const sd = Math.sqrt((weight / 100) * (1 - weight / 100) * n);
        expect(Math.abs(toCanary - (n * weight) / 100)).toBeLessThanOrEqual(5 * sd);
      }),
      { numRuns: 60 },
    );
  });
});
