import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { createPlayer } from './player';
import { library, recordOps, type Op } from './replayTestKit';
import { shrink } from './shrink';

const send = (to: string, n: number): Op => ({ op: 'send', to, performative: 'request', n });
const crashed = (log: readonly KernelEvent[]) => log.some((e) => e.type === 'agent.crashed');

describe('shrink', () => {
  it('finds the one message that makes the failure among many (ddmin), and the minimal recording still fails', async () => {
    const ops: Op[] = [
      ...[1, 2, 3, 4, 5].map((n) => send('echo', n)),
      { op: 'crash' },
      ...[6, 7, 8, 9].map((n) => send('counter', n)),
      { op: 'fault', probability: 0.2 },
      { op: 'clear' },
    ];
    const { recording, log } = await recordOps(41, ops);
    expect(crashed(log)).toBe(true);
    const result = await shrink(recording, { library, fails: (run) => crashed(run.log) });
    expect(result.from).toBe(12);
    expect(result.to).toBe(1);
    expect(result.gaveUp).toBe(false);
    expect(result.steps[0]).toEqual({ kept: 12, failed: true });
    expect(result.steps.length).toBeLessThan(30);
    const player = createPlayer(result.recording);
    const sent = player.eventsBetween(0, player.last).filter((e) => e.type === 'message.sent' && e.message.sender === 'c');
    expect(sent.map((e) => (e as Extract<KernelEvent, { type: 'message.sent' }>).message.content)).toEqual([{ action: 'crash' }]);
    expect(result.conversations.length).toBeGreaterThan(0);
  });

  it('keeps every input the failure needs (a count that reaches 3 needs three requests)', async () => {
    const ops: Op[] = [send('echo', 1), send('counter', 1), send('echo', 2), send('counter', 2), send('echo', 3), send('counter', 3)];
    const { recording } = await recordOps(43, ops);
    const reachedThree = (log: readonly KernelEvent[]) => log.some((e) => e.type === 'kv.set' && e.agent === 'counter' && e.value === '3');
    const result = await shrink(recording, { library, fails: (run) => reachedThree(run.log) });
    expect(result.to).toBe(3);
  });

  it('a recording that does not fail is refused', async () => {
    const { recording } = await recordOps(45, [send('echo', 1)]);
    await expect(shrink(recording, { library, fails: (run) => crashed(run.log) })).rejects.toThrow(/does not fail/);
  });
});
