import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { canonicalJson } from '../simulation/canonicalJson';
import { forkAt } from './fork';
import { restoreAt } from './restoreAt';
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

describe('fork by restoring state (restoreAt)', () => {
  it('restores kv, faults and queued messages on fresh agents, and the counter goes on from where it was', async () => {
    const { recording, log } = await recordOps(33, [
      ...[1, 2, 3].map((n): Op => ({ op: 'send', to: 'counter', performative: 'request', n })),
      { op: 'wait', ms: 50 },
      { op: 'fault', probability: 0 },
      ...[4, 5].map((n): Op => ({ op: 'send', to: 'counter', performative: 'request', n })),
    ]);
    const player = createPlayer(recording);
    // The moment the counter has handled the first request: count 1, the others waiting for it.
    const first = log.find(
      (e) => e.type === 'message.sent' && e.message.receiver === 'counter' && (e.message.content as { n?: number }).n === 1,
    )!;
    const handled = log.find(
      (e) => e.type === 'message.handled' && e.messageId === (first as Extract<KernelEvent, { type: 'message.sent' }>).message.id,
    )!;
    player.seekSeq(handled.seq);
    expect(player.kv('counter')).toEqual({ count: '1' });
    const waiting = player.mailbox('counter').map((m) => m.content);
    expect(waiting).toEqual([{ n: 2 }, { n: 3 }]);
    const fork = await restoreAt(recording, handled.seq, { library });
    expect(fork.refused).toEqual([]);
    expect(fork.notRestored).toEqual([]);
    expect(fork.sim.kernel.kv('counter')).toEqual({ count: '1' });
    expect(fork.sim.kernel.mailbox('counter').map((m) => m.content)).toEqual(waiting);
    const counts: string[] = [];
    fork.sim.subscribe((e) => void (e.type === 'kv.set' && e.agent === 'counter' && counts.push(e.value)));
    expect(await fork.continueAsRecorded()).toEqual([]);
    expect(counts).toEqual(['2', '3', '4', '5']);
    expect(fork.sim.snapshot().faults?.map((f) => f.id)).toEqual(['f']);
    fork.sim.dispose();
  });
});
