import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { reduceConfigureEvents } from './reduceConfigureEvents';

const limits = { deadlineMs: 1, mailboxCapacity: 1, maxMessageBytes: 1 };
const configured = (seq: number, agent: string, group?: string): KernelEvent => ({
  seq,
  t: 0,
  type: 'agent.configured',
  agent,
  limits,
  restart: 'permanent',
  redelivery: 'once',
  isolated: false,
  changed: ['group'],
  respawn: false,
  ...(group ? { group } : {}),
});

describe('reduceConfigureEvents', () => {
  const state = {
    groups: { g: { name: 'g', strategy: 'one_for_one' as const, intensity: 1, periodMs: 5_000 } },
    membership: { a: 'g' },
  };

  it('moves agents between groups and to the top level', () => {
    expect(reduceConfigureEvents(state, [configured(1, 'a'), configured(2, 'b', 'g')], 0)).toEqual({ membership: { b: 'g' } });
    expect(reduceConfigureEvents(state, [configured(1, 'a', 'g')], 0)).toBeUndefined();
    expect(reduceConfigureEvents(state, [configured(1, 'a')], 1)).toBeUndefined(); // seen already
  });

  it('updates a reconfigured group', () => {
    const spec = {
      name: 'g',
      strategy: 'rest_for_one' as const,
      intensity: 3,
      periodMs: 800,
      backoff: { minMs: 1, maxMs: 2, randomFactor: 0 },
    };
    const out = reduceConfigureEvents(state, [{ seq: 1, t: 0, type: 'group.configured', spec, changed: ['strategy'] }], 0);
    expect(out).toEqual({ groups: { g: { name: 'g', strategy: 'rest_for_one', intensity: 3, periodMs: 800 } } });
  });
});
