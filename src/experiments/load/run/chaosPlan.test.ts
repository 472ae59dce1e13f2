import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../chaos/types';
import { LoadChaosError, planLoadChaos } from './chaosPlan';

describe('planLoadChaos', () => {
  it('no chaos: nothing to do', () => {
    expect(planLoadChaos(undefined)).toEqual([]);
  });

  it('inline faults: injected at their time with an id, cleared after their duration (never without one), in time order', () => {
    const drop = { target: { links: ['a--b'] }, probability: 0.5, effect: { kind: 'drop' as const } };
    const slow = { id: 'slowly', target: { agents: ['b'] }, probability: 1, effect: { kind: 'slow' as const, ms: 100 } };
    const actions = planLoadChaos({
      faults: [
        { atMs: 3000, durationMs: 1000, fault: drop },
        { atMs: 1000, fault: slow },
      ],
    });
    expect(actions.map((a) => [a.at, a.type, a.type === 'inject' ? a.fault.id : a.type === 'clear' ? a.id : ''])).toEqual([
      [1000, 'inject', 'slowly'],
      [3000, 'inject', 'fault-1'],
      [4000, 'clear', 'fault-1'],
    ]);
  });

  it('a chaos experiment by name: its schedule’s actions; an unknown name is an error naming the field', () => {
    const experiment = {
      name: 'x',
      schedule: {
        warmupMs: 100,
        steadyMs: 100,
        settleMs: 0,
        recoveryMs: 0,
        phases: [{ name: 'p', durationMs: 50, faults: [{ target: {}, probability: 1, effect: { kind: 'kill' } }] }],
      },
      workload: { clients: [] },
      hypothesis: [],
    } as unknown as Experiment; // planExperiment reads the schedule (and the workload's timeouts)
    const actions = planLoadChaos({ experiment: 'x' }, (name) => (name === 'x' ? experiment : undefined));
    expect(actions.filter((a) => a.type === 'inject' || a.type === 'clear').map((a) => [a.at, a.type])).toEqual([
      [200, 'inject'],
      [250, 'clear'],
    ]);
    expect(() => planLoadChaos({ experiment: 'y' }, () => undefined)).toThrow(LoadChaosError);
    expect(() => planLoadChaos({ experiment: 'y' })).toThrow(/experiment\.chaos\.experiment: no chaos experiment named "y"/);
  });
});
