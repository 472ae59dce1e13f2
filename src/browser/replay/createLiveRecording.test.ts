import { describe, expect, it } from 'vitest';
import { createKernel } from '../../kernel/kernel';
import { createManualClock } from '../../kernel/clock';
import { createSeededRng } from '../../kernel/rng';
import type { KindInfo } from '../../hosts/types';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { createPlayer } from '../../experiments/replay/player';
import { createLiveRecording, LOAD_RELEASE_REASON } from './createLiveRecording';

const KINDS: KindInfo[] = [
  { kind: 'echo', label: 'Echo agent', description: '', hash: 'e1', bytes: 10, builtin: true },
  { kind: 'counter', label: 'Counter', description: '', hash: 'c1', bytes: 10, builtin: true },
  { kind: 'custom:ab', label: 'Mine', description: '', hash: 'ab', bytes: 3, builtin: false },
];

function liveKernel(budget?: number) {
  const clock = createManualClock(1000);
  const recorder = createTapeRecorder(budget !== undefined ? { budget } : {});
  const kernel = createKernel({ clock, rng: createSeededRng(42), onInput: recorder.onInput });
  const recording = createLiveRecording({
    recorder,
    kernelSeed: 42,
    kernel: {},
    kinds: () => KINDS,
    componentBytes: (hash) => (hash === 'ab' ? new Uint8Array([1, 2, 3]) : undefined),
  });
  return { clock, kernel, recording };
}

describe('createLiveRecording', () => {
  it('Record marks where playback starts; Stop gives the whole tape, which a player opens', async () => {
    const { clock, kernel, recording } = liveKernel();
    kernel.step({ type: 'agent.deploy', spec: { name: 'e', kind: 'echo' } });
    kernel.step({ type: 'agent.deploy', spec: { name: 'm', kind: 'custom:ab' } });
    expect(await recording.tapeStatus()).toEqual({ recording: false, inputs: 2, budget: 500_000 });
    expect(await recording.startRecording()).toMatchObject({ recording: true, startIndex: 2 });
    clock.set(1500);
    kernel.step({ type: 'topic.create', name: 'news' });
    const recorded = await recording.stopRecording({ name: 'r1', tags: ['t'], workspace: { w: 1 } });
    expect(recorded.header).toMatchObject({
      name: 'r1',
      tags: ['t'],
      clockMode: 'live',
      kernelSeed: 42,
      startIndex: 2,
      workspace: { w: 1 },
    });
    expect(recorded.tape).toHaveLength(3);
    // Kinds in use only; the custom one carries its bytes, builtins go by kind and hash.
    expect(recorded.header.modules).toEqual([
      { kind: 'echo', hash: 'e1', label: 'Echo agent', builtin: true },
      { kind: 'custom:ab', hash: 'ab', label: 'Mine', builtin: false, bytes: new Uint8Array([1, 2, 3]) },
    ]);
    const player = createPlayer(recorded);
    expect(player.eventsBetween(player.first, player.last).map((e) => e.type)).toEqual(['node.added']);
    expect((await recording.tapeStatus()).recording).toBe(false);
  });

  it('Stop plays a long tape in slices: the worker’s other work runs meanwhile', async () => {
    const { kernel, recording } = liveKernel();
    await recording.startRecording();
    for (let i = 0; i < 10_000; i++) {
      kernel.step({ type: 'topic.create', name: `t${i}` });
      kernel.step({ type: 'node.remove', name: `t${i}` });
    }
    let otherWork = false;
    setImmediate(() => (otherWork = true));
    const recorded = await recording.stopRecording({ name: 'long', tags: [] });
    expect(otherWork).toBe(true);
    expect(recorded.header.counts).toMatchObject({ inputs: 20_000, events: 20_000 });
  });

  it('Stop without Record is refused, and a spent tape cannot record', async () => {
    const { kernel, recording } = liveKernel(1);
    await expect(recording.stopRecording({ name: 'x', tags: [] })).rejects.toThrow(/press Record first/);
    kernel.step({ type: 'topic.create', name: 'a' });
    kernel.step({ type: 'topic.create', name: 'b' });
    expect((await recording.tapeStatus()).cutShort).toEqual({ reason: expect.stringContaining('1 inputs') as string, atIndex: 1 });
    await expect(recording.startRecording()).rejects.toThrow(/reload the page/);
  });

  it('a spent tape lets go of its entries at once when nothing is being recorded', async () => {
    const { kernel, recording } = liveKernel(2);
    for (const name of ['a', 'b', 'c']) kernel.step({ type: 'topic.create', name });
    expect(await recording.tapeStatus()).toMatchObject({ inputs: 0, cutShort: { atIndex: 2 } });
  });

  it('a recording in progress keeps the spent tape until Stop, which then lets it go', async () => {
    const { kernel, recording } = liveKernel(2);
    await recording.startRecording();
    for (const name of ['a', 'b', 'c']) kernel.step({ type: 'topic.create', name });
    expect((await recording.tapeStatus()).inputs).toBe(2);
    const recorded = await recording.stopRecording({ name: 'r', tags: [] });
    expect(recorded.tape).toHaveLength(2);
    expect(recorded.header.cutShort).toMatchObject({ atIndex: 2 });
    expect((await recording.tapeStatus()).inputs).toBe(0);
  });

  it('a live load run lets the tape go unless Record is on', async () => {
    const idle = liveKernel();
    idle.kernel.step({ type: 'topic.create', name: 'a' });
    idle.recording.suspendForLoad();
    expect(await idle.recording.tapeStatus()).toMatchObject({ inputs: 0, cutShort: { reason: LOAD_RELEASE_REASON, atIndex: 1 } });
    await expect(idle.recording.startRecording()).rejects.toThrow(/load run/);

    const recordingOn = liveKernel();
    await recordingOn.recording.startRecording();
    recordingOn.kernel.step({ type: 'topic.create', name: 'a' });
    recordingOn.recording.suspendForLoad();
    expect(await recordingOn.recording.tapeStatus()).toMatchObject({ recording: true, inputs: 1 });
    expect((await recordingOn.recording.tapeStatus()).cutShort).toBeUndefined();
  });
});
