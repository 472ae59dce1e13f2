import { describe, expect, it } from 'vitest';
import { createExecutor } from './createExecutor';
import { createScenarioSet, type ScenarioAction } from './scenarioSet';
import type { ExecutorConfig } from './types';

const configs: Record<string, ExecutorConfig> = {
  warmup: { executor: 'constant-vus', vus: 2, duration: 1000, gracefulStop: 0 },
  ramp: { executor: 'constant-arrival-rate', rate: 10, duration: 1000, preAllocatedVUs: 2, maxVUs: 4, startTime: 1000 },
};

/** Drives a set on a virtual clock; every iteration lasts `ms`. */
function drive(ms: number, stopAt?: { at: number; how: 'stop' | 'abort' }) {
  const set = createScenarioSet(configs);
  const log: ScenarioAction[] = [];
  const ending: { at: number; scenario: string; vu: number }[] = [];
  const take = (actions: ScenarioAction[], now: number) => {
    for (const a of actions) {
      log.push(a);
      if (a.type === 'start') ending.push({ at: now + ms, scenario: a.scenario, vu: a.vu });
      if (a.type === 'interrupt')
        ending.splice(
          ending.findIndex((e) => e.scenario === a.scenario && e.vu === a.vu),
          1,
        );
    }
  };
  let stopped = false;
  for (let guard = 0; guard < 10_000; guard++) {
    ending.sort((a, b) => a.at - b.at || a.vu - b.vu);
    const wake = set.nextWakeAt();
    const end = ending[0];
    if (stopAt && !stopped && (wake === undefined || stopAt.at <= wake) && (!end || stopAt.at < end.at)) {
      stopped = true;
      take(set[stopAt.how](stopAt.at), stopAt.at);
      continue;
    }
    if (end && (wake === undefined || end.at <= wake)) {
      ending.shift();
      take(set.iterationDone(end.scenario, end.vu, end.at), end.at);
    } else if (wake !== undefined) take(set.advance(wake), wake);
    else break;
  }
  return { set, log };
}

describe('a set of scenarios', () => {
  it('runs each scenario from its own start time and tags every action with its scenario', () => {
    const { set, log } = drive(300);
    const starts = (s: string) => log.filter((a) => a.type === 'start' && a.scenario === s).map((a) => a.atMs);
    expect(starts('warmup')).toEqual([0, 0, 300, 300, 600, 600, 900, 900]);
    expect(starts('ramp')).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900]);
    expect(log.filter((a) => a.type === 'finish').map((a) => a.scenario)).toEqual(['warmup', 'ramp']);
    expect(set.stats().total).toMatchObject({ started: 18, completed: 16, interrupted: 2, dropped: 0 });
    expect(set.progress(2300)).toMatchObject({ done: true, fraction: 1, timeLeftMs: 0 });
  });

  it('weights each scenario by how long it runs: a short warm-up done beside a long ramp a quarter through', () => {
    const set = createScenarioSet({
      warmup: { executor: 'constant-vus', vus: 1, duration: 10_000, gracefulStop: 0 },
      ramp: { executor: 'ramping-arrival-rate', startTime: 10_000, stages: [{ duration: 300_000, target: 10 }], preAllocatedVUs: 1 },
    });
    set.advance(85_000);
    const progress = set.progress(85_000);
    expect(progress.scenarios['warmup']!.fraction).toBe(1);
    expect(progress.scenarios['ramp']!.fraction).toBeCloseTo(0.25);
    expect(progress.fraction).toBeCloseTo((10_000 + 0.25 * 300_000) / 310_000);
    expect(progress.timeLeftMs).toBe(225_000);
  });

  it('reports progress weighted by the spans of the scenarios and time left until the last one ends', () => {
    const set = createScenarioSet(configs);
    set.advance(500);
    expect(set.progress(500)).toMatchObject({ done: false, fraction: 0.25, timeLeftMs: 1500 });
    expect(() => set.iterationDone('nope', 1, 500)).toThrow(/no scenario named "nope" \(known: warmup, ramp\)/);
  });

  it('stop: starts nothing more, lets iterations in flight finish within gracefulStop, drops nothing', () => {
    const { set, log } = drive(250, { at: 1250, how: 'stop' });
    const ramp = log.filter((a) => a.scenario === 'ramp');
    expect(ramp.filter((a) => a.type === 'start').map((a) => a.atMs)).toEqual([1000, 1100, 1200]);
    expect(ramp.filter((a) => a.type === 'interrupt')).toEqual([]);
    expect(set.stats().scenarios['ramp']).toMatchObject({ started: 3, completed: 3, dropped: 0 });
    expect(set.executor('ramp').endsAt).toBe(1250);
  });

  it('abort: interrupts what is in flight at once and finishes every scenario', () => {
    const { set, log } = drive(250, { at: 1250, how: 'abort' });
    expect(log.filter((a) => a.type === 'interrupt').map((a) => [a.scenario, a.vu, a.type === 'interrupt' && a.reason])).toEqual([
      ['ramp', 2, 'abort'],
      ['ramp', 3, 'abort'],
    ]);
    expect(set.nextWakeAt()).toBeUndefined();
    expect(set.progress(1250).done).toBe(true);
  });

  it('a scenario stopped before its start time finishes without starting anything', () => {
    const ex = createExecutor(configs['ramp']!);
    expect(ex.stop(500)).toEqual([{ type: 'finish', atMs: 1000 }]);
    expect(ex.advance(2000)).toEqual([]);
    expect(ex.stats().started).toBe(0);
  });
});
