import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalSchedule } from './arrivalRate';
import { createExecutor } from './createExecutor';
import type { ExecutorAction, RampingArrivalRateConfig } from './types';
import { runVirtually } from './virtualRun';

type Start = Extract<ExecutorAction, { type: 'start' }>;
/** Iteration durations drawn by fast-check, looked up by the scenario's iteration number. */
const durations = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 50 });
const lasting = (ms: number[]) => (s: Start) => ms[s.scenarioIter % ms.length]! + 1;

const vus = fc.record({ pre: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 0, max: 5 }) });
const constantRate = fc.record({
  rate: fc.integer({ min: 1, max: 200 }),
  timeUnit: fc.constantFrom(100, 1000, 7000),
  duration: fc.integer({ min: 1, max: 3000 }),
  startTime: fc.integer({ min: 0, max: 500 }),
});
const stages = fc.array(fc.record({ duration: fc.integer({ min: 0, max: 1500 }), target: fc.integer({ min: 0, max: 50 }) }), {
  minLength: 1,
  maxLength: 4,
});

/** N(t): the iterations a ramp's rate adds up to by t, integrated numerically (the reference). */
function integral(c: RampingArrivalRateConfig, t: number): number {
  let rate = c.startRate ?? 0;
  let t0 = 0;
  let n = 0;
  for (const s of c.stages) {
    const d = Math.min(s.duration, Math.max(0, t - t0));
    if (s.duration > 0) n += ((rate + (rate + ((s.target - rate) * d) / s.duration)) / 2) * (d / (c.timeUnit ?? 1000));
    rate = s.target;
    t0 += s.duration;
  }
  return n;
}

describe('arrival-rate executors, for any rate, VUs and iteration durations', () => {
  it('constant: never start more than rate × elapsed / timeUnit + 1 by any time, and started + dropped = scheduled', () => {
    fc.assert(
      fc.property(constantRate, vus, durations, (c, v, ms) => {
        const config = { executor: 'constant-arrival-rate' as const, ...c, preAllocatedVUs: v.pre, maxVUs: v.pre + v.extra };
        const ex = createExecutor(config);
        const log = runVirtually(ex, lasting(ms));
        let started = 0;
        for (const { at, action } of log)
          if (action.type === 'start') {
            started++;
            expect(started).toBeLessThanOrEqual(((at - c.startTime) * c.rate) / c.timeUnit + 1 + 1e-9);
          }
        const scheduled = Math.ceil((c.rate * c.duration) / c.timeUnit - 1e-9);
        const stats = ex.stats();
        expect(stats.started + stats.dropped).toBe(scheduled);
        expect(stats.started).toBe(started);
        expect(stats.completed + stats.interrupted).toBe(stats.started);
        expect(stats.allocatedVUs).toBeLessThanOrEqual(v.pre + v.extra);
      }),
    );
  });

  it('ramping: by any time at most N(t) + 1 started, the schedule is in order, and started + dropped = scheduled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), stages, vus, durations, (startRate, st, v, ms) => {
        const config: RampingArrivalRateConfig = {
          executor: 'ramping-arrival-rate',
          startRate,
          stages: st,
          preAllocatedVUs: v.pre,
          maxVUs: v.pre + v.extra,
        };
        const ex = createExecutor(config);
        const log = runVirtually(ex, lasting(ms));
        const schedule = arrivalSchedule(config);
        let scheduled = 0;
        let previous = -Infinity;
        for (let t = schedule.timeOf(0); t !== undefined; t = schedule.timeOf(++scheduled)) {
          expect(t).toBeGreaterThanOrEqual(previous);
          expect(scheduled).toBeLessThanOrEqual(integral(config, t) + 1e-6);
          previous = t;
        }
        let started = 0;
        for (const { at, action } of log)
          if (action.type === 'start') expect(++started).toBeLessThanOrEqual(integral(config, at) + 1 + 1e-6);
        expect(ex.stats().started + ex.stats().dropped).toBe(scheduled);
      }),
    );
  });
});

describe('iterations executors, for any VUs, iterations and durations', () => {
  it('per-vu-iterations: no VU runs more than its iterations, and each runs exactly that many given time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 20 }), durations, fc.boolean(), (n, each, ms, short) => {
        const ex = createExecutor({ executor: 'per-vu-iterations', vus: n, iterations: each, maxDuration: short ? 500 : 600_000 });
        const log = runVirtually(ex, lasting(ms));
        const perVu = new Map<number, number>();
        for (const { action } of log) if (action.type === 'start') perVu.set(action.vu, (perVu.get(action.vu) ?? 0) + 1);
        for (const count of perVu.values()) expect(count).toBeLessThanOrEqual(each);
        if (!short) expect([...perVu.values()]).toEqual(Array.from({ length: n }, () => each));
        expect(ex.stats().started + ex.stats().dropped).toBe(n * each);
      }),
    );
  });

  it('shared-iterations: every iteration runs once, on one of the VUs, each VU running one iteration at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), durations, (n, total, ms) => {
        const ex = createExecutor({ executor: 'shared-iterations', vus: n, iterations: Math.max(n, total) });
        const log = runVirtually(ex, lasting(ms));
        const numbers = log.flatMap(({ action }) => (action.type === 'start' ? [action.scenarioIter] : []));
        expect(numbers).toEqual(Array.from({ length: Math.max(n, total) }, (_, i) => i));
        const freeAt = new Map<number, number>();
        for (const { at, action } of log)
          if (action.type === 'start') {
            expect(action.vu).toBeLessThanOrEqual(n);
            expect(at).toBeGreaterThanOrEqual(freeAt.get(action.vu) ?? 0);
            freeAt.set(action.vu, at + lasting(ms)(action));
          }
        expect(ex.stats()).toMatchObject({ busyVUs: 0, dropped: 0 });
      }),
    );
  });

  it('the same calls give the same actions (no clock, no randomness of its own)', () => {
    fc.assert(
      fc.property(constantRate, vus, durations, (c, v, ms) => {
        const config = { executor: 'constant-arrival-rate' as const, ...c, preAllocatedVUs: v.pre, maxVUs: v.pre + v.extra };
        expect(runVirtually(createExecutor(config), lasting(ms))).toEqual(runVirtually(createExecutor(config), lasting(ms)));
      }),
      { numRuns: 30 },
    );
  });
});
