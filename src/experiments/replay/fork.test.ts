import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { canonicalJson } from '../simulation/canonicalJson';
import { forkAt } from './fork';
import { createPlayer } from './player';
import { library, recordOps, type Op } from './replayTestKit';

const ops: Op[] = [
  ...[1, 2, 3].map((n): Op => ({ op: 'send', to: 'counter', performative: 'request', n })),
  { op: 'wait', ms: 50 },
  { op: 'fault', probability: 0.5 },
  ...[4, 5, 6, 7].map((n): Op => ({ op: 'send', to: 'echo', performative: 'request', n })),
  { op: 'crash' },
  { op: 'wait', ms: 400 },
  { op: 'clear' },
  ...[8, 9].map((n): Op => ({ op: 'send', to: 'counter', performative: 'request', n })),
];

describe('fork', () => {
  it('forks at a moment with the state the recording had there, and goes on to the same end', async () => {
    const { recording } = await recordOps(31, ops);
    const player = createPlayer(recording);
    const middle = player.eventsBetween(0, player.last).find((e) => e.type === 'kv.set' && e.value === '2')!.seq;
    const fork = await forkAt(recording, middle, { library });
    expect(fork.at.seq).toBeGreaterThanOrEqual(middle);
    player.seekSeq(fork.at.seq);
    expect(fork.sim.kernel.kv('counter')).toEqual(player.kv('counter'));
    expect(fork.sim.kernel.kv('counter')).toEqual({ count: '2' });
    expect(fork.sim.kernel.mailbox('counter')).toEqual(player.mailbox('counter'));
    expect(fork.sim.snapshot().agents).toEqual(player.snapshot().agents);
    const after: KernelEvent[] = [];
    fork.sim.subscribe((e) => void after.push(e));
    expect(await fork.continueAsRecorded()).toEqual([]);
    fork.sim.dispose();
    expect(after.length).toBeGreaterThan(20);
    expect(after.map(canonicalJson)).toEqual(player.eventsBetween(fork.at.seq + 1, player.last).map(canonicalJson));
  });

  it('a moment the recording does not have: ORR512', async () => {
    const { recording } = await recordOps(31, []);
    await expect(forkAt(recording, 10_000, { library })).rejects.toMatchObject({ code: 'ORR512' });
  });
});
