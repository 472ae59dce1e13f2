import { describe, expect, it } from 'vitest';
import { createLoadDriver } from './createLoadDriver';

function harness(refuse: (receiver: string) => boolean = () => false) {
  let now = 0;
  let tick: (() => void) | null = null;
  const sent: string[] = [];
  const driver = createLoadDriver({
    clock: { now: () => now },
    send: async (draft) => {
      sent.push(String(draft.receiver));
      return { ok: !refuse(String(draft.receiver)) };
    },
    every: (_ms, fn) => {
      tick = fn;
      return () => void (tick = null);
    },
  });
  const advance = async (ms: number) => {
    now += ms;
    tick?.();
    await Promise.resolve();
  };
  return { driver, sent, advance, running: () => tick !== null };
}

describe('the load driver', () => {
  it('sends to the targets in turn as the schedule makes sends due', async () => {
    const h = harness();
    h.driver.start({ targets: ['a', 'b', 'c'], ratePerSecond: 100, message: { performative: 'inform', content: 1 } });
    expect(h.sent).toEqual(['a']);
    await h.advance(35);
    expect(h.sent).toEqual(['a', 'b', 'c', 'a']);
    expect(h.driver.counts()).toMatchObject({ due: 4, sent: 4, elapsedMs: 35 });
  });

  it('stops sending when stopped and reports what it sent and what was refused', async () => {
    const h = harness((r) => r === 'b');
    h.driver.start({ targets: ['a', 'b'], ratePerSecond: 1000, message: { performative: 'inform' } });
    await h.advance(9);
    const counts = h.driver.stop();
    expect(counts).toMatchObject({ sent: 10, refused: 5 });
    expect(h.running()).toBe(false);
    await h.advance(100);
    expect(h.sent).toHaveLength(10);
  });

  it('refuses a load without targets', () => {
    expect(() => harness().driver.start({ targets: [], ratePerSecond: 1, message: { performative: 'inform' } })).toThrow(RangeError);
  });
});
