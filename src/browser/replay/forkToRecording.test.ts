import { describe, expect, it } from 'vitest';
import { createKindLibrary, registerJsKinds } from '../../hosts/inProcess';
import { createPlayer } from '../../experiments/replay/player';
import { canonicalJson } from '../../experiments/simulation/canonicalJson';
import { sampleRecording } from './fixtures';
import { forkToRecording } from './forkToRecording';

const library = registerJsKinds(createKindLibrary());

describe('forkToRecording', () => {
  it('forks in the middle and hands back a recording that starts there and ends as the original did', async () => {
    const recording = await sampleRecording(8);
    const original = createPlayer(recording);
    const middle = original.eventsBetween(original.first, original.last).find((e) => e.type === 'kv.set' && e.agent === 'counter')!.seq;
    const { recording: forked, at, refused } = await forkToRecording(recording, middle, { library });
    expect(refused).toEqual([]);
    expect(at.seq).toBeGreaterThanOrEqual(middle);
    expect(forked.header).toMatchObject({
      name: `sample (fork at event ${middle})`,
      clockMode: 'simulation',
      simulationSeed: 7,
    });
    expect(forked.header.tags).toContain('fork');

    const player = createPlayer(forked);
    // Playback of the fork starts at the fork, in the state the original had there.
    expect(player.first).toBe(at.seq + 1);
    original.seekSeq(at.seq);
    expect(player.kv('counter')).toEqual(original.kv('counter'));
    expect(player.snapshot().agents).toEqual(original.snapshot().agents);
    // And goes on exactly as the original did.
    const rest = (p: typeof player, from: number) => p.eventsBetween(from, p.last).map(canonicalJson);
    expect(rest(player, player.first)).toEqual(rest(original, at.seq + 1));
  });

  it('without going on, the fork stops at the moment; a moment the recording lacks is ORR512', async () => {
    const recording = await sampleRecording(4);
    const original = createPlayer(recording);
    const { recording: forked, at } = await forkToRecording(recording, original.first + 3, {
      library,
      continueAsRecorded: false,
      name: 'here',
    });
    expect(forked.header.name).toBe('here');
    expect(createPlayer(forked).last).toBe(at.seq);
    await expect(forkToRecording(recording, 10_000, { library })).rejects.toThrow(/ORR512/);
  });
});
