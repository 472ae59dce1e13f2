/**
 * A live-style recording of the real (wasm) counter given three increments from the console,
 * forked at every moment by restoring state and continued as recorded: it ends at the
 * recorded count, never one more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKindLibrary, createSimulation, loadLibraryKinds } from '../../hosts/inProcess';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import { finishRecording } from './finishRecording';
import { forkAt } from './fork';
import { createPlayer } from './player';
import { createTapeRecorder } from './recorder';
import type { Recording } from './types';

requireBuiltAgents();
const library = createKindLibrary();
let recording: Recording;

beforeAll(async () => {
  await loadLibraryKinds(library, nodeAgentAssets(), ['counter']);
  const recorder = createTapeRecorder();
  const sim = createSimulation({ seed: 21, library, kernel: { onInput: recorder.onInput } });
  sim.command({ type: 'agent.deploy', spec: { name: 'counter-1', kind: 'counter' } });
  await sim.runUntilIdle(1_000);
  for (let i = 0; i < 3; i++) sim.send({ performative: 'request', receiver: 'counter-1', content: { action: 'increment' } });
  await sim.runUntilIdle(sim.now() + 10_000);
  sim.dispose();
  recording = finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(21, STREAM.kernel),
    clockMode: 'live', // no simulation seed: a fork restores state
    startIndex: 0,
    name: 'three increments',
    tags: [],
    kernel: {},
    modules: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}, 60_000);

describe('fork of a live recording of the wasm counter, going on as recorded', () => {
  it('ends at the recorded count from every moment', async () => {
    const player = createPlayer(recording);
    player.seekSeq(player.last);
    const recorded = player.kv('counter-1');
    expect(Object.values(recorded)).toContain('3');
    const ends: string[] = [];
    for (let seq = player.first; seq <= player.last; seq++) {
      const fork = await forkAt(recording, seq, { library });
      expect(await fork.continueAsRecorded()).toEqual([]);
      await fork.sim.runUntilIdle(fork.sim.now() + 10_000);
      if (JSON.stringify(fork.sim.kernel.kv('counter-1')) !== JSON.stringify(recorded))
        ends.push(`event ${seq}: ${JSON.stringify(fork.sim.kernel.kv('counter-1'))}`);
      fork.sim.dispose();
    }
    expect(ends).toEqual([]);
  }, 120_000);
});
