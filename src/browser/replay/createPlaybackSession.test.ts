import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../kernel/types';
import { createPlayer } from '../../experiments/replay/player';
import type { Recording } from '../../experiments/replay/types';
import { encodeRecording } from '../../workspace/recording';
import { createPlaybackSession } from './createPlaybackSession';
import { messageIdOf } from '../../experiments/replay/timelineIndex';
import { sampleRecording } from './fixtures';
import { PLAYBACK_FRAME_MS } from './playbackPacing';
import type { PlaybackBatch, PlaybackPosition } from './types';

/** A session on a fake wall clock whose frame timer the test fires. */
function harness(windowSize?: number) {
  let wall = 0;
  let tick: (() => void) | undefined;
  const session = createPlaybackSession({
    now: () => wall,
    every: (ms, fn) => {
      expect(ms).toBe(PLAYBACK_FRAME_MS);
      tick = fn;
      return () => (tick = undefined);
    },
    ...(windowSize !== undefined ? { windowSize } : {}),
  });
  const batches: PlaybackBatch[] = [];
  const positions: PlaybackPosition[] = [];
  return {
    session,
    batches,
    positions,
    async listen() {
      await session.subscribe((b) => batches.push(b));
      await session.onPosition((p) => positions.push(p));
    },
    /** Runs frames until playback stops; returns how many ran. */
    runFrames(maxFrames = 100_000): number {
      let frames = 0;
      while (tick && frames < maxFrames) {
        wall += PLAYBACK_FRAME_MS;
        tick();
        frames++;
      }
      return frames;
    },
    get wall() {
      return wall;
    },
  };
}

/** What a store shown these batches holds: the last reset's snapshot seq, then every event since. */
function projection(batches: readonly PlaybackBatch[]): { from: number; events: KernelEvent[] } {
  let from = -1;
  let events: KernelEvent[] = [];
  for (const b of batches) {
    if (b.reset) {
      from = b.snapshot!.seq;
      events = [];
    }
    events.push(...b.events);
  }
  return { from, events };
}

describe('createPlaybackSession', () => {
  it('opens a recording before its first event, with its markers and conversations', async () => {
    const recording = await sampleRecording();
    const h = harness();
    await h.listen();
    const opened = await h.session.open(recording);
    if ('error' in opened) throw new Error(opened.error.message);
    expect(opened.header.name).toBe('sample');
    expect(opened.conversations.map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(opened.position).toMatchObject({ seq: opened.position.first - 1, playing: false });
    // The page starts from the state at Record: the topology, no events yet.
    expect(h.batches).toEqual([{ reset: true, snapshot: expect.objectContaining({ seq: opened.position.first }) as unknown, events: [] }]);
    expect(h.batches[0]!.snapshot!.agents.map((a) => a.name).sort()).toEqual(['counter', 'echo']);
  });

  it('refuses a tampered recording with ORR506 and a file that is not one with ORR501, as data', async () => {
    const recording = await sampleRecording();
    const tampered: Recording = { ...recording, header: { ...recording.header, logHash: '0'.repeat(64) } };
    const { session } = harness();
    expect(await session.open(tampered)).toMatchObject({ error: { code: 'ORR506' } });
    expect(await session.openFile(new TextEncoder().encode('hello'))).toMatchObject({ error: { code: 'ORR501' } });
    // And the real file opens.
    expect(await session.openFile(await encodeRecording(recording))).toMatchObject({ header: { name: 'sample' } });
  });

  it('reports the opening pass as it goes, and a second open cancels the first', async () => {
    const recording = await sampleRecording();
    const progress: number[] = [];
    const { session } = harness();
    const first = session.open(recording);
    const second = session.open(recording, (done, total) => progress.push(done / total));
    await expect(first).rejects.toThrow(/another recording was opened/);
    expect(await second).toMatchObject({ header: { name: 'sample' } });
    expect(progress.at(-1)).toBe(1);
  });

  it('steps forward one event at a time and back with a reset to the state before a window', async () => {
    const recording = await sampleRecording();
    const player = createPlayer(recording);
    const h = harness(3);
    await h.listen();
    await h.session.open(recording);
    for (let i = 0; i < 5; i++) await h.session.step(1);
    expect(h.batches.slice(1).map((b) => b.events.map((e) => e.seq))).toEqual([0, 1, 2, 3, 4].map((i) => [player.first + i]));
    const back = await h.session.step(-1);
    expect(back.seq).toBe(player.first + 3);
    const reset = h.batches.at(-1)!;
    expect(reset.reset).toBe(true);
    // No event is both in the snapshot and the window, and the window ends at the cursor.
    expect(reset.events.map((e) => e.seq)).toEqual(player.eventsBetween(reset.snapshot!.seq, back.seq).map((e) => e.seq));
    expect(reset.events.at(-1)?.seq ?? reset.snapshot!.seq - 1).toBe(back.seq);
  });

  it('plays the whole recording in order, each event once, in frames at most ~30 a second', async () => {
    const recording = await sampleRecording(10);
    const player = createPlayer(recording);
    const h = harness();
    await h.listen();
    await h.session.open(recording);
    await h.session.play(2);
    const frames = h.runFrames();
    const { from, events } = projection(h.batches);
    expect(from).toBe(player.first);
    expect(events.map((e) => e.seq)).toEqual(player.eventsBetween(player.first, player.last).map((e) => e.seq));
    expect(h.positions.at(-1)).toMatchObject({ seq: player.last, playing: false, speed: 2 });
    // Recorded time at 2×: the run lasts half its duration (give or take a frame).
    const duration = player.timeOf(player.last) - player.timeOf(player.first - 1);
    expect(frames * PLAYBACK_FRAME_MS).toBeGreaterThanOrEqual(duration / 2);
    expect(frames * PLAYBACK_FRAME_MS).toBeLessThanOrEqual(duration / 2 + 2 * PLAYBACK_FRAME_MS);
    expect(h.batches.length - 1).toBeLessThanOrEqual(frames);
  });

  it('a jump lands on the message, and a later play goes on from there', async () => {
    const recording = await sampleRecording();
    const player = createPlayer(recording);
    const sent = player.eventsBetween(player.first, player.last).filter((e) => e.type === 'message.sent');
    const target = sent[3]!;
    const h = harness();
    await h.listen();
    await h.session.open(recording);
    const at = await h.session.seek({ to: 'message', messageId: target.type === 'message.sent' ? target.message.id : '' });
    expect(at.seq).toBe(target.seq);
    await expect(h.session.seek({ to: 'message', messageId: 'nope' })).rejects.toThrow(/ORR512/);
    await h.session.play(20);
    h.runFrames();
    const { from, events } = projection(h.batches);
    expect(events.map((e) => e.seq)).toEqual(player.eventsBetween(from, player.last).map((e) => e.seq));
  });

  it('a jump to a time lands on the last event at or before it; one to nowhere stays put', async () => {
    const recording = await sampleRecording();
    const player = createPlayer(recording);
    const h = harness();
    await h.session.open(recording);
    const target = player.eventsBetween(player.first, player.last)[10]!;
    const at = await h.session.seek({ to: 'time', t: target.t });
    expect(player.timeOf(at.seq)).toBe(target.t);
    expect(player.timeOf(at.seq + 1)).toBeGreaterThan(target.t);
    // The sample has no failures: nowhere to go.
    expect((await h.session.seek({ to: 'next-failure' })).seq).toBe(at.seq);
    await expect(h.session.seek({ to: 'seq', seq: player.last + 1 })).rejects.toThrow(/ORR512/);
    expect((await h.session.pause()).seq).toBe(at.seq);
  });

  it('with a conversation selected, only its message events go to the page; the others are tallied', async () => {
    const recording = await sampleRecording();
    const player = createPlayer(recording);
    const h = harness();
    await h.listen();
    await h.session.open(recording);
    await h.session.setConversation('a');
    await h.session.play(20);
    h.runFrames();
    const delivered = h.batches.flatMap((b) => b.events);
    const messages = delivered.filter((e) => e.type.startsWith('message.'));
    expect(messages.length).toBeGreaterThan(0);
    for (const e of messages) {
      expect(player.conversationOf(messageIdOf(e) ?? '')).toBe('a');
    }
    const tallied = h.batches.flatMap((b) => (b.tally ? [b.tally] : []));
    expect(tallied.reduce((n, t) => n + (t.agents.counter?.handled ?? 0), 0)).toBe(3);
    expect(h.positions.at(-1)).toMatchObject({ conversation: 'a' });
    await expect(h.session.setConversation('zzz')).rejects.toThrow(/ORR512/);
  });

  it('kv and mailboxes are those at the cursor', async () => {
    const recording = await sampleRecording();
    const player = createPlayer(recording);
    const h = harness();
    await h.session.open(recording);
    const handled = player.eventsBetween(player.first, player.last).filter((e) => e.type === 'kv.set' && e.agent === 'counter');
    expect(handled.length).toBeGreaterThan(1);
    await h.session.seek({ to: 'seq', seq: handled[0]!.seq });
    const first = await h.session.inspect('counter');
    await h.session.seek({ to: 'seq', seq: player.last });
    const last = await h.session.inspect('counter');
    expect(first.kv).not.toEqual(last.kv);
    await h.session.seek({ to: 'seq', seq: handled[0]!.seq });
    expect(await h.session.inspect('counter')).toEqual(first);
  });
});
