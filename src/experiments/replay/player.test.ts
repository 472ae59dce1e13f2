import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KernelEvent } from '../../kernel/types';
import { canonicalJson } from '../simulation/canonicalJson';
import type { OrreryError } from '../../protocol/errors';
import { createTapeRecorder } from './recorder';
import { createPlayer, openPlayer } from './player';
import { opArb, recordOps, type Op } from './replayTestKit';
import type { Recording } from './types';

describe('recorder and player', () => {
  it('the player regenerates the recorded log byte for byte (random command sequences, JS agents)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(opArb, { maxLength: 25 }), async (seed, ops) => {
        const { log, recording } = await recordOps(seed, ops);
        const player = createPlayer(recording);
        expect(player.first).toBe(0);
        expect(player.length).toBe(log.length);
        expect(recording.header.counts.events).toBe(log.length);
        const replayed = player.eventsBetween(0, player.last).map(canonicalJson).join('\n');
        expect(replayed).toBe(log.map(canonicalJson).join('\n'));
      }),
      { numRuns: 40 },
    );
  });

  it('the state at an event: kv, mailbox and dead letters as they were, forward and back', async () => {
    const ops: Op[] = [1, 2, 3].map((n) => ({ op: 'send', to: 'counter', performative: 'request', n }));
    const { log, recording } = await recordOps(7, ops);
    const player = createPlayer(recording);
    const setCounts = log.filter((e): e is Extract<KernelEvent, { type: 'kv.set' }> => e.type === 'kv.set' && e.agent === 'counter');
    expect(setCounts.map((e) => e.value)).toEqual(['1', '2', '3']);
    player.seekSeq(setCounts[2]!.seq);
    expect(player.kv('counter')).toEqual({ count: '3' });
    player.seekSeq(setCounts[1]!.seq);
    expect(player.kv('counter')).toEqual({ count: '2' });
    player.stepEvent(-1);
    expect(player.seq).toBe(setCounts[1]!.seq - 1);
    player.seekSeq(player.first - 1);
    expect(player.kv('counter')).toEqual({});
    const firstRequest = log.find((e) => e.type === 'message.sent' && e.message.receiver === 'counter' && e.message.sender === 'c');
    player.seek({ to: 'message', messageId: (firstRequest as Extract<KernelEvent, { type: 'message.sent' }>).message.id });
    expect(player.seq).toBe(firstRequest!.seq);
    expect(player.mailbox('counter').map((m) => m.content)).toEqual([{ n: 1 }]);
  });

  it('markers, jumps to failures and conversations', async () => {
    const { log, recording } = await recordOps(3, [
      { op: 'crash' },
      { op: 'wait', ms: 500 },
      { op: 'send', to: 'echo', performative: 'request', n: 1 },
    ]);
    const player = createPlayer(recording);
    const crash = log.find((e) => e.type === 'agent.crashed')!;
    const restart = log.find((e) => e.type === 'agent.restarted')!;
    expect(
      player
        .markers()
        .filter((m) => m.kind === 'crash')
        .map((m) => m.seq),
    ).toEqual(log.filter((e) => e.type === 'agent.crashed').map((e) => e.seq));
    expect(player.markers().some((m) => m.kind === 'restart' && m.seq === restart.seq)).toBe(true);
    expect(player.seek({ to: 'next-failure' })).toBe(crash.seq);
    expect(player.seek({ to: 'next-marker' })).toBeGreaterThan(crash.seq);
    expect(player.seek({ to: 'previous-failure' })).toBe(crash.seq);
    expect(player.seek({ to: 'time', t: crash.t })).toBe(log.findLast((e) => e.t <= crash.t)!.seq);
    const conv = player.conversations().find((c) => c.id === 'conv-0');
    expect(conv?.participants).toEqual(expect.arrayContaining(['c', 'echo']));
    expect(conv?.messages).toBe(2);
  });

  it('refuses a tape that no longer makes its log (ORR506) and a moment it does not have (ORR512)', async () => {
    const { recording } = await recordOps(5, [{ op: 'send', to: 'echo', performative: 'request', n: 1 }]);
    const edited: Recording = { ...recording, tape: recording.tape.filter((e) => e.input.type !== 'agent.sent') };
    expect(() => createPlayer(edited)).toThrow(expect.objectContaining({ code: 'ORR506' }) as OrreryError);
    const player = createPlayer(recording);
    expect(() => player.seekSeq(player.last + 1)).toThrow(/ORR512/);
    expect(() => player.seek({ to: 'message', messageId: 'nope' })).toThrow(/ORR512.*"nope"/);
    // Steps stop at the ends; jumps with nowhere to go stay.
    expect(player.stepEvent(-1)).toBe(player.first - 1);
    expect(player.seek({ to: 'previous-marker' })).toBe(player.first - 1);
    player.seekSeq(player.last);
    expect(player.stepEvent(1)).toBe(player.last);
    expect(player.seek({ to: 'time', t: -1 })).toBe(player.first - 1);
  });

  it('openPlayer: the same player in slices, reporting progress up to the whole tape', async () => {
    const { recording } = await recordOps(
      9,
      [1, 2, 3, 4].map((n): Op => ({ op: 'send', to: 'echo', performative: 'request', n })),
    );
    const progress: number[] = [];
    const sliced = await openPlayer(recording, { slice: 5, onProgress: (done) => progress.push(done) });
    const whole = createPlayer(recording);
    expect(sliced.eventsBetween(0, sliced.last)).toEqual(whole.eventsBetween(0, whole.last));
    expect(sliced.markers()).toEqual(whole.markers());
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(recording.tape.length);
  });

  it('a tape over its budget stops and says where', () => {
    const recorder = createTapeRecorder({ budget: 2 });
    for (let i = 0; i < 3; i++) recorder.onInput({ type: 'tick' }, i);
    expect(recorder.size).toBe(2);
    expect(recorder.cutShort).toEqual({ reason: expect.stringContaining('2 inputs') as string, atIndex: 2 });
  });

  it('keeps its own copy of a message the sender changes afterwards', () => {
    const recorder = createTapeRecorder();
    const draft = { performative: 'inform', receiver: 'echo', content: { n: 1 } };
    recorder.onInput({ type: 'message.send', message: draft }, 0);
    draft.content.n = 2;
    expect(recorder.tape()[0]!.input).toEqual({
      type: 'message.send',
      message: { performative: 'inform', receiver: 'echo', content: { n: 1 } },
    });
  });
});
