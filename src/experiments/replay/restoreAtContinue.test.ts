/**
 * A restoring fork (a live recording's) that goes on as recorded ends where the recording
 * ended: no input is both restored and fed again, wherever the fork is taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recording } from './types';
import { createPlayer } from './player';
import { forkAt } from './fork';
import { library, recordOps, type Op } from './replayTestKit';

/** The recording as a live one: no simulation seed, so a fork restores state. */
const asLive = (recording: Recording): Recording => {
  const { simulationSeed: _seed, ...header } = recording.header;
  return { ...recording, header: { ...header, clockMode: 'live' } };
};

const increments = (ns: number[]): Op[] => ns.map((n) => ({ op: 'send', to: 'counter', performative: 'request', n }));

async function continuedKv(recording: Recording, seq: number): Promise<{ kv: Record<string, string>; at: number }> {
  const fork = await forkAt(recording, seq, { library });
  try {
    expect(await fork.continueAsRecorded()).toEqual([]);
    await fork.sim.runUntilIdle(fork.sim.now() + 60_000);
    return { kv: fork.sim.kernel.kv('counter'), at: fork.at.seq };
  } finally {
    fork.sim.dispose();
  }
}

describe('restoring fork, then going on as recorded', () => {
  it('forked while the counter is handling its second increment: it ends at 3, not 4', async () => {
    const recording = asLive((await recordOps(5, increments([1, 2, 3]))).recording);
    const player = createPlayer(recording);
    const second = player.eventsBetween(player.first, player.last).find((e) => e.type === 'kv.set' && e.value === '2')!;
    const { kv, at } = await continuedKv(recording, second.seq);
    expect(kv).toEqual({ count: '3' });
    // It stands where the counter has finished that message (its answer sent, the message handled).
    expect(at).toBeGreaterThan(second.seq);
    expect(player.event(at)).toMatchObject({ type: 'message.handled', agent: 'counter' });
  });

  it("at every moment of the recording, the continued run's final kv is the recording's", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.nat(100).map((n): Op => ({ op: 'send', to: 'counter', performative: 'request', n })),
            fc.nat(100).map((n): Op => ({ op: 'send', to: 'echo', performative: 'request', n })),
            fc.integer({ min: 0, max: 300 }).map((ms): Op => ({ op: 'wait', ms })),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (ops) => {
          const recording = asLive((await recordOps(11, ops)).recording);
          const player = createPlayer(recording);
          player.seekSeq(player.last);
          const recorded = player.kv('counter');
          for (let seq = player.first; seq <= player.last; seq++) {
            expect({ seq, kv: (await continuedKv(recording, seq)).kv }).toEqual({ seq, kv: recorded });
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
