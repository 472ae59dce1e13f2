import { describe, expect, it } from 'vitest';
import { arrivalSchedule } from './arrivalRate';
import { createExecutor } from './createExecutor';
import type { ConstantArrivalRateConfig, ExecutorAction } from './types';
import { runVirtually, type TimedAction } from './virtualRun';

const starts = (log: TimedAction[]) => log.flatMap((e) => (e.action.type === 'start' ? [e.action] : []));
const drops = (log: TimedAction[]) => log.flatMap((e) => (e.action.type === 'drop' ? [e.action] : []));
const rate10: ConstantArrivalRateConfig = { executor: 'constant-arrival-rate', rate: 10, duration: 1000, preAllocatedVUs: 20 };

describe('constant-arrival-rate', () => {
  it('starts rate × duration iterations, one every timeUnit / rate ms from the start, whatever an iteration takes', () => {
    const expected = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900];
    for (const ms of [1, 50, 950, 1500]) {
      const log = runVirtually(createExecutor(rate10), () => ms);
      expect(starts(log).map((s) => s.atMs)).toEqual(expected);
      expect(starts(log).map((s) => s.scenarioIter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('counts per timeUnit: 30 per minute is one every 2 s', () => {
    const s = arrivalSchedule({ ...rate10, rate: 30, timeUnit: 60_000, duration: 10_000 });
    expect([0, 1, 2, 3, 4, 5].map((k) => s.timeOf(k))).toEqual([0, 2000, 4000, 6000, 8000, undefined]);
  });

  it('brings up VUs up to maxVUs when all are busy, then drops what finds no free VU and counts it', () => {
    const ex = createExecutor({ ...rate10, preAllocatedVUs: 1, maxVUs: 3 });
    const log = runVirtually(ex, () => 1000);
    expect(starts(log).map((s) => [s.atMs, s.vu])).toEqual([
      [0, 1],
      [100, 2],
      [200, 3],
    ]);
    expect(drops(log).map((d) => [d.atMs, d.scenarioIter, d.count])).toEqual([3, 4, 5, 6, 7, 8, 9].map((k) => [k * 100, k, 1]));
    expect(ex.stats()).toMatchObject({ started: 3, dropped: 7, completed: 3, allocatedVUs: 3, maxVUs: 3 });
  });

  it('reuses the lowest free VU: two VUs suffice when an iteration takes 150 ms at 10/s', () => {
    const log = runVirtually(createExecutor({ ...rate10, preAllocatedVUs: 2 }), () => 150);
    expect(starts(log).map((s) => s.vu)).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(drops(log)).toEqual([]);
  });

  it('a late shell gets every due iteration at once, each with its time on the schedule, and consecutive drops as one action', () => {
    const ex = createExecutor({ ...rate10, preAllocatedVUs: 2 });
    const actions = ex.advance(450);
    expect(actions).toEqual<ExecutorAction[]>([
      { type: 'start', vu: 1, iter: 0, scenarioIter: 0, atMs: 0 },
      { type: 'start', vu: 2, iter: 0, scenarioIter: 1, atMs: 100 },
      { type: 'drop', count: 3, atMs: 200, scenarioIter: 2 },
    ]);
    expect(ex.nextWakeAt()).toBe(500);
  });

  it('interrupts iterations still running gracefulStop after the end, then finishes', () => {
    const ex = createExecutor({ ...rate10, gracefulStop: 200 });
    const log = runVirtually(ex, (s) => (s.scenarioIter === 9 ? 10_000 : 10));
    expect(log.filter((e) => e.action.type === 'interrupt')).toEqual([
      { at: 1200, action: { type: 'interrupt', vu: 1, iter: 9, atMs: 1200, reason: 'graceful-stop' } },
    ]);
    expect(log.at(-1)).toEqual({ at: 1200, action: { type: 'finish', atMs: 1200 } });
    expect(ex.progress(1200)).toMatchObject({ phase: 'done', fraction: 1, timeLeftMs: 0 });
  });

  it('starts at its startTime and reports progress by time', () => {
    const ex = createExecutor({ ...rate10, startTime: 5000 });
    expect(ex.nextWakeAt()).toBe(5000);
    expect(ex.advance(4999)).toEqual([]);
    expect(ex.advance(5000)).toEqual([{ type: 'start', vu: 1, iter: 0, scenarioIter: 0, atMs: 5000 }]);
    expect(ex.nextWakeAt()).toBe(5100);
    expect(ex.progress(5250)).toMatchObject({ phase: 'running', fraction: 0.25, timeLeftMs: 750 });
  });
});

describe('ramping-arrival-rate', () => {
  it('moves the rate linearly: from 0 to 10/s over 1 s, iteration k is due where the rate adds up to k', () => {
    const s = arrivalSchedule({
      executor: 'ramping-arrival-rate',
      startRate: 0,
      stages: [{ duration: 1000, target: 10 }],
      preAllocatedVUs: 1,
    });
    // N(t) = 5·(t/1000)²: due at 0 (the rate turns positive), then at 1000·√(k/5).
    const times = [0, 1, 2, 3, 4, 5].map((k) => s.timeOf(k));
    expect(times[0]).toBe(0);
    for (const k of [1, 2, 3, 4]) expect(times[k]).toBeCloseTo(1000 * Math.sqrt(k / 5), 9);
    expect(times[5]).toBeUndefined();
  });

  it('with a flat stage is the constant rate, and a pause at rate 0 starts nothing', () => {
    const flat = arrivalSchedule({
      executor: 'ramping-arrival-rate',
      startRate: 10,
      stages: [{ duration: 1000, target: 10 }],
      preAllocatedVUs: 1,
    });
    expect(Array.from({ length: 11 }, (_, k) => flat.timeOf(k))).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, undefined]);
    const paused = arrivalSchedule({
      executor: 'ramping-arrival-rate',
      stages: [
        { duration: 500, target: 0 },
        { duration: 0, target: 10 },
        { duration: 500, target: 10 },
      ],
      preAllocatedVUs: 1,
    });
    expect(Array.from({ length: 6 }, (_, k) => paused.timeOf(k))).toEqual([500, 600, 700, 800, 900, undefined]);
  });

  it('ramping down from 10/s to 0 over 1 s starts 5 iterations, ever further apart', () => {
    const ex = createExecutor({
      executor: 'ramping-arrival-rate',
      startRate: 10,
      stages: [{ duration: 1000, target: 0 }],
      preAllocatedVUs: 5,
    });
    const at = starts(runVirtually(ex, () => 1)).map((s) => s.atMs);
    expect(at).toHaveLength(5);
    for (let i = 2; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThan(at[i - 1]! - at[i - 2]!);
  });
});

describe('the scheduled rate at a moment (where a ramp stood when a threshold stopped it)', () => {
  it('is the constant rate within the scenario and 0 outside it', () => {
    const s = arrivalSchedule({ ...rate10, startTime: 500 });
    expect([s.rateAt(499), s.rateAt(500), s.rateAt(1499), s.rateAt(1500)].map((r) => r * 1000)).toEqual([0, 10, 10, 0]);
  });

  it('moves linearly within each stage of a ramp, from startRate', () => {
    const s = arrivalSchedule({
      executor: 'ramping-arrival-rate',
      startRate: 100,
      timeUnit: 1000,
      stages: [
        { duration: 60_000, target: 500 },
        { duration: 0, target: 1000 },
        { duration: 60_000, target: 2000 },
      ],
      preAllocatedVUs: 1,
    });
    const perSecond = (t: number) => s.rateAt(t) * 1000;
    expect(perSecond(0)).toBeCloseTo(100);
    expect(perSecond(30_000)).toBeCloseTo(300);
    expect(perSecond(60_000)).toBeCloseTo(1000);
    expect(perSecond(90_000)).toBeCloseTo(1500);
    expect(perSecond(120_000)).toBe(0);
  });
});
