import { describe, expect, it } from 'vitest';
import { echoSoak } from '../../../experiments/chaos/examples';
import { parseExperiment } from '../../../experiments/chaos/parseExperiment';
import { blankExperiment, experimentToForm, formToExperiment, linkIds, newFault, newPhase } from './experimentForm';

const topology = {
  agents: [
    { name: 'echo-1', kind: 'echo' },
    { name: 'echo-2', kind: 'echo' },
  ],
  links: [],
};

describe('experiment form ↔ JSON', () => {
  it('a blank form gives a valid experiment with workload links to every target', () => {
    const form = experimentToForm(blankExperiment(topology));
    expect(form.workload.targets).toEqual(['echo-1', 'echo-2']);
    expect(linkIds(form)).toEqual(['load--echo-1', 'load--echo-2']);
    const e = parseExperiment(formToExperiment(form));
    expect(e.topology.clients).toEqual(['load']);
    expect(e.topology.links?.map((l) => l.id)).toEqual(['load--echo-1', 'load--echo-2']);
    expect(e.hypothesis).toEqual([{ probe: 'no-lost-messages' }, { probe: 'dead-letters', max: 0 }, { probe: 'success-rate', min: 0.99 }]);
    expect(form.probes).toMatchObject({ noLost: true, successRate: { enabled: true, min: 0.99 }, deadLetters: { enabled: true, max: 0 } });
  });

  it('writes a drop phase with a kill pulse and the chosen probes', () => {
    const form = experimentToForm(blankExperiment(topology));
    const phase = newPhase(0);
    const drop = { ...newFault('drop'), links: ['load--echo-1'], probability: 0.2, performatives: ['request' as const] };
    const kill = {
      ...newFault('kill'),
      agents: ['echo-1', 'echo-2'],
      pulse: { enabled: true, everyMs: 700, holdMs: 100, pick: 'one' as const },
    };
    form.phases = [{ ...phase, faults: [drop, kill] }];
    form.probes.latency = { enabled: true, maxMs: 50 };
    const e = parseExperiment(formToExperiment(form));
    const p = e.schedule.phases[0]!;
    expect(p.faults).toEqual([
      { target: { links: ['load--echo-1'] }, probability: 0.2, performatives: ['request'], effect: { kind: 'drop' } },
    ]);
    expect(p.pulses).toEqual([
      {
        everyMs: 700,
        holdMs: 100,
        pick: 'one',
        fault: { target: { agents: ['echo-1', 'echo-2'] }, probability: 1, effect: { kind: 'kill' } },
      },
    ]);
    expect(e.hypothesis).toEqual([
      { probe: 'no-lost-messages' },
      { probe: 'latency', percentile: 95, maxMs: 50 },
      { probe: 'dead-letters', max: 0 },
      { probe: 'success-rate', min: 0.99 },
    ]);
  });

  it('maps every fault kind to its effect and back', () => {
    const form = experimentToForm(blankExperiment(topology));
    const kinds = ['latency', 'reorder', 'corrupt', 'partition', 'bandwidth', 'slow', 'clock-skew', 'duplicate', 'crash', 'hang'] as const;
    const partition = { ...newFault('partition'), params: { ...newFault().params, groups: 'load | echo-1, echo-2' } };
    form.phases = [{ ...newPhase(0), faults: kinds.map((k) => (k === 'partition' ? partition : newFault(k))) }];
    const e = formToExperiment(form);
    expect(() => parseExperiment(e)).not.toThrow();
    expect(e.schedule.phases[0]!.faults!.find((f) => f.effect.kind === 'partition')!.effect).toEqual({
      kind: 'partition',
      direction: 'both',
      groups: [['load'], ['echo-1', 'echo-2']],
    });
    const again = experimentToForm(e);
    expect(formToExperiment(again)).toEqual(e);
  });

  it('round-trips a richer experiment without losing what the form does not edit', () => {
    const soak = echoSoak({ agents: 2, faultMs: 2000 });
    const back = formToExperiment(experimentToForm(soak));
    expect(back.topology).toEqual(soak.topology);
    expect(back.description).toBe(soak.description);
    expect(new Set(back.hypothesis.map((h) => JSON.stringify(h)))).toEqual(new Set(soak.hypothesis.map((h) => JSON.stringify(h))));
    expect(back.schedule.phases[0]!.pulses).toEqual(
      soak.schedule.phases[0]!.pulses!.map((p) => ({ ...p, holdMs: p.holdMs ?? p.everyMs / 2 })),
    );
    expect(back.workload).toEqual(soak.workload);
  });
});
