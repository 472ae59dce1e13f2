import { describe, expect, it } from 'vitest';
import { createDriver } from '../testDriver';
import { MAX_TIMER_DELAY_MS, TIMER_ONTOLOGY } from './agentTimers';

const deliveries = (d: ReturnType<typeof createDriver>) => d.effects.filter((e) => e.type === 'deliver');

describe('agent timers', () => {
  it('wakes the agent at the due time on the kernel clock with an orrery-timer message to itself', () => {
    const d = createDriver();
    d.deploy('a');
    d.clock.set(100);
    const set = d.host({ type: 'agent.timer', agent: 'a', delayMs: 250, tag: 'bids' });
    expect(set.events).toMatchObject([{ type: 'timer.set', agent: 'a', tag: 'bids', at: 350 }]);
    expect(set.effects).toEqual([{ type: 'timer', at: 350 }]);
    d.tickTo(349);
    expect(d.of('timer.fired')).toEqual([]);
    d.tickTo(350);
    expect(d.of('timer.fired')).toMatchObject([{ agent: 'a', tag: 'bids', t: 350 }]);
    expect(deliveries(d)).toMatchObject([
      { agent: 'a', message: { performative: 'inform', sender: 'a', receiver: 'a', ontology: TIMER_ONTOLOGY, content: { timer: 'bids' } } },
    ]);
  });

  it('fires a zero delay on the next tick at the same time, and several timers in order', () => {
    const d = createDriver();
    d.deploy('a');
    d.host({ type: 'agent.timer', agent: 'a', delayMs: 20, tag: 'late' });
    d.host({ type: 'agent.timer', agent: 'a', delayMs: 0, tag: 'now' });
    d.host({ type: 'agent.timer', agent: 'a', delayMs: 20, tag: 'later' });
    d.tickTo(0);
    d.tickTo(20);
    expect(d.of('timer.fired').map((e) => e.tag)).toEqual(['now', 'late', 'later']);
  });

  it("refuses a bad delay or tag with a warn line in the agent's log and sets nothing", () => {
    const d = createDriver();
    d.deploy('a');
    const bad: [unknown, unknown][] = [
      [-1, 't'],
      [1.5, 't'],
      [MAX_TIMER_DELAY_MS + 1, 't'],
      ['5', 't'],
      [5, 7],
      [5, 'x'.repeat(257)],
    ];
    for (const [delayMs, tag] of bad) d.host({ type: 'agent.timer', agent: 'a', delayMs, tag } as never);
    expect(d.of('timer.set')).toEqual([]);
    expect(d.of('log').filter((e) => e.agent === 'a' && e.level === 'warn')).toHaveLength(bad.length);
    expect(d.kernel.nextTimer()).toBeUndefined();
    d.host({ type: 'agent.timer', agent: 'a', delayMs: MAX_TIMER_DELAY_MS, tag: 'x'.repeat(256) });
    expect(d.of('timer.set')).toHaveLength(1);
  });

  it('survives a restart of the agent: the new instance is woken', () => {
    const d = createDriver();
    d.deploy('a');
    d.host({ type: 'agent.timer', agent: 'a', delayMs: 1_000, tag: 'wake' });
    d.host({ type: 'agent.crashed', agent: 'a', reason: 'trap' });
    d.tickTo(500); // past the restart backoff
    d.ready();
    expect(d.status('a')).toBe('running');
    d.tickTo(1_000);
    expect(deliveries(d)).toMatchObject([{ agent: 'a', instance: 2, message: { ontology: TIMER_ONTOLOGY } }]);
  });

  it("dies with the agent's removal, even when the name is deployed again", () => {
    const d = createDriver();
    d.deploy('a');
    d.host({ type: 'agent.timer', agent: 'a', delayMs: 100, tag: 'old' });
    d.step({ type: 'node.remove', name: 'a' });
    d.deploy('a');
    d.tickTo(100);
    expect(d.of('timer.fired')).toEqual([]);
    expect(deliveries(d)).toEqual([]);
  });

  it('ignores a timer asked for by a stale instance', () => {
    const d = createDriver();
    d.deploy('a');
    d.host({ type: 'agent.timer', agent: 'a', instance: 99, delayMs: 10, tag: 't' });
    expect(d.of('timer.set')).toEqual([]);
  });

  it('is deterministic: the same inputs give the same events', () => {
    const run = () => {
      const d = createDriver({}, 9);
      d.deploy('a');
      d.deploy('b');
      for (let i = 0; i < 5; i++) d.host({ type: 'agent.timer', agent: i % 2 ? 'a' : 'b', delayMs: 10 * (5 - i), tag: `t${i}` });
      d.tickTo(25);
      d.tickTo(60);
      return JSON.stringify(d.events);
    };
    expect(run()).toBe(run());
  });
});
