import { describe, expect, it } from 'vitest';
import { createExecutor } from './createExecutor';
import { rampingSteps } from './rampingSteps';
import type { ExecutorAction } from './types';
import { runVirtually, type TimedAction } from './virtualRun';

type Start = Extract<ExecutorAction, { type: 'start' }>;
const starts = (log: TimedAction[]) => log.flatMap((e) => (e.action.type === 'start' ? [{ at: e.at, ...e.action }] : []));
const of = <T extends ExecutorAction['type']>(log: TimedAction[], type: T) =>
  log.flatMap((e) => (e.action.type === type ? [{ at: e.at, ...(e.action as Extract<ExecutorAction, { type: T }>) }] : []));

describe('shared-iterations', () => {
  it('shares the iterations among the VUs as they free up: a faster VU does more', () => {
    const ex = createExecutor({ executor: 'shared-iterations', vus: 3, iterations: 10 });
    const log = runVirtually(ex, (s: Start) => s.vu * 10);
    const s = starts(log);
    expect(s.map((x) => x.scenarioIter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.map((x) => [x.at, x.vu])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [10, 1],
      [20, 1],
      [20, 2],
      [30, 1],
      [30, 3],
      [40, 1],
      [40, 2],
    ]);
    expect(of(log, 'finish')).toEqual([{ at: 60, type: 'finish', atMs: 60 }]);
    expect(ex.stats()).toMatchObject({ started: 10, completed: 10, dropped: 0, busyVUs: 0 });
  });

  it('drops the iterations not started by maxDuration and counts them', () => {
    const ex = createExecutor({ executor: 'shared-iterations', vus: 1, iterations: 100, maxDuration: 250 });
    const log = runVirtually(ex, () => 10);
    expect(starts(log)).toHaveLength(25);
    expect(of(log, 'drop')).toEqual([{ at: 250, type: 'drop', count: 75, atMs: 250 }]);
    expect(ex.stats()).toMatchObject({ started: 25, completed: 25, dropped: 75 });
  });

  it('stopped, starts nothing more and counts nothing as dropped; aborted, interrupts at once', () => {
    const stopped = createExecutor({ executor: 'shared-iterations', vus: 2, iterations: 100, gracefulStop: 1000 });
    stopped.advance(0);
    expect(stopped.stop(5)).toEqual([]);
    expect(stopped.iterationDone(1, 10)).toEqual([]);
    expect(stopped.iterationDone(2, 20)).toEqual([{ type: 'finish', atMs: 20 }]);
    expect(stopped.stats()).toMatchObject({ started: 2, completed: 2, dropped: 0 });
    const aborted = createExecutor({ executor: 'constant-vus', vus: 2, duration: 1000 });
    aborted.advance(0);
    expect(aborted.abort(5).map((a) => (a.type === 'interrupt' ? [a.vu, a.reason] : a.type))).toEqual([
      [1, 'abort'],
      [2, 'abort'],
      'finish',
    ]);
    expect(aborted.nextWakeAt()).toBeUndefined();
  });

  it('uses no more VUs than there are iterations', () => {
    const ex = createExecutor({ executor: 'shared-iterations', vus: 5, iterations: 2 });
    expect(ex.advance(0).map((a) => a.type === 'start' && a.vu)).toEqual([1, 2]);
  });
});

describe('per-vu-iterations', () => {
  it('gives each VU exactly its iterations, numbered from 0 per VU, whatever their speed', () => {
    const ex = createExecutor({ executor: 'per-vu-iterations', vus: 3, iterations: 4 });
    const s = starts(runVirtually(ex, (x: Start) => 7 * x.vu + x.iter));
    for (const vu of [1, 2, 3]) expect(s.filter((x) => x.vu === vu).map((x) => x.iter)).toEqual([0, 1, 2, 3]);
    expect(s).toHaveLength(12);
    expect(ex.stats()).toMatchObject({ started: 12, completed: 12, dropped: 0 });
  });
});

describe('constant-vus', () => {
  it('keeps the VUs looping until the duration, then gives iterations in flight gracefulStop before interrupting them', () => {
    const ex = createExecutor({ executor: 'constant-vus', vus: 2, duration: 100, gracefulStop: 20 });
    const log = runVirtually(ex, () => 70);
    expect(starts(log).map((x) => [x.at, x.vu])).toEqual([
      [0, 1],
      [0, 2],
      [70, 1],
      [70, 2],
    ]);
    expect(of(log, 'interrupt').map((x) => [x.at, x.vu, x.iter, x.reason])).toEqual([
      [120, 1, 1, 'graceful-stop'],
      [120, 2, 1, 'graceful-stop'],
    ]);
    expect(of(log, 'finish')[0]?.at).toBe(120);
    expect(ex.stats()).toMatchObject({ completed: 2, interrupted: 2 });
  });

  it('lets an iteration that ends within gracefulStop complete', () => {
    const ex = createExecutor({ executor: 'constant-vus', vus: 1, duration: 100, gracefulStop: 50 });
    const log = runVirtually(ex, () => 70);
    expect(of(log, 'interrupt')).toEqual([]);
    expect(of(log, 'finish')[0]?.at).toBe(140);
  });

  it('waits for its startTime and reports progress and time left', () => {
    const ex = createExecutor({ executor: 'constant-vus', vus: 1, duration: 1000, startTime: 500 });
    expect(ex.nextWakeAt()).toBe(500);
    expect(ex.advance(499)).toEqual([]);
    expect(ex.advance(500)).toEqual([{ type: 'start', vu: 1, iter: 0, scenarioIter: 0, atMs: 500 }]);
    expect(ex.progress(750)).toMatchObject({ phase: 'running', fraction: 0.25, timeLeftMs: 750, elapsedMs: 250 });
    expect(ex.endsAt).toBe(1500);
  });
});

describe('ramping-vus', () => {
  const stages = [
    { duration: 20_000, target: 10 },
    { duration: 10_000, target: 0 },
  ];

  it('follows the stages linearly, one VU at each whole number the line crosses', () => {
    const steps = rampingSteps(0, stages);
    expect([0, 1999, 2000, 10_000, 19_999, 20_000, 25_000, 29_999, 30_000].map((t) => steps.countAt(t))).toEqual([
      0, 0, 1, 5, 9, 10, 5, 1, 0,
    ]);
    expect(steps.nextChangeAfter(0)).toBe(2000);
    expect(steps.nextChangeAfter(20_000)).toBe(21_000);
    expect(steps.nextChangeAfter(30_000)).toBeUndefined();
    expect(
      rampingSteps(3, [
        { duration: 0, target: 7 },
        { duration: 100, target: 7 },
      ]).countAt(0),
    ).toBe(7);
  });

  it('brings VU k up at 2000·k ms and never runs more VUs than the ramp says', () => {
    const ex = createExecutor({ executor: 'ramping-vus', startVUs: 0, stages, gracefulRampDown: 0 });
    const log = runVirtually(ex, () => 300);
    const first = new Map<number, number>();
    for (const s of starts(log)) if (!first.has(s.vu)) first.set(s.vu, s.at);
    expect([...first]).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, 2000 * (i + 1)]));
    const steps = rampingSteps(0, stages);
    const busy = new Set<number>();
    for (const { at, action } of log) {
      if (action.type === 'start') busy.add(action.vu);
      if (action.type === 'interrupt') busy.delete(action.vu);
      expect(action.type !== 'start' || action.vu <= steps.countAt(at)).toBe(true);
    }
    expect(of(log, 'interrupt').every((x) => x.reason === 'ramp-down')).toBe(true);
    expect(of(log, 'interrupt').length).toBeGreaterThan(0);
  });

  it('with a gracefulRampDown longer than an iteration, lets VUs above the count finish instead of interrupting them', () => {
    const ex = createExecutor({ executor: 'ramping-vus', startVUs: 0, stages, gracefulRampDown: 30_000 });
    const log = runVirtually(ex, () => 300);
    expect(of(log, 'interrupt')).toEqual([]);
    expect(ex.stats().completed).toBe(ex.stats().started);
  });
});
