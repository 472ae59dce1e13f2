/**
 * Record and replay as the kernel worker does it, on Node's parts: a live workbench with real
 * wasm agents in worker threads taped from its kernel's birth (createLiveRecording), Record
 * pressed after the topology was built, then replayed against the agents you have now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealClock } from '../../hosts/createRealClock';
import { createKindLibrary, loadLibraryKinds } from '../../hosts/inProcess';
import { createNodeWorkbench, type NodeWorkbench } from '../../hosts/node/createNodeWorkbench';
import { nodeAgentAssets } from '../../hosts/node/nodeAgentAssets';
import { requireBuiltAgents } from '../../hosts/node/requireBuiltAgents';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { createPlayer } from '../../experiments/replay/player';
import type { Recording } from '../../experiments/replay/types';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { createLiveRecording } from './createLiveRecording';
import { createReplayApi } from './createReplayApi';
import type { ReplayApi } from './types';

requireBuiltAgents();
const clock = createRealClock();
const KINDS = ['echo', 'counter'];
let wb: NodeWorkbench;
let replay: ReplayApi;
let recording: Recording;

beforeAll(async () => {
  const tape = createTapeRecorder();
  wb = await createNodeWorkbench({ kinds: KINDS, workers: 1, clock, seed: 9, kernel: { onInput: tape.onInput } });
  const inProcess = createKindLibrary();
  await loadLibraryKinds(inProcess, nodeAgentAssets(), KINDS);
  const library: CompiledKindLibrary = { ...inProcess, prepare: async () => undefined };
  const kinds = () => wb.host.kinds();
  replay = createReplayApi({ runtime: wb.runtime, kernel: wb.kernel, clock, library, kinds });
  const live = createLiveRecording({ recorder: tape, kernelSeed: 9, kernel: {}, kinds, componentBytes: () => undefined });

  await wb.command({ type: 'agent.deploy', spec: { name: 'echo-1', kind: 'echo' } });
  await wb.command({ type: 'client.create', name: 'c' });
  await wb.command({ type: 'link.add', a: 'c', b: 'echo-1', id: 'c-echo' });
  await live.startRecording();
  for (let i = 0; i < 3; i++) {
    const draft = { performative: 'request', receiver: 'echo-1', sender: 'c', content: { n: i }, conversation_id: `k${i}` };
    const reply = await wb.request(draft, 5_000, 'c');
    expect(reply.performative).toBe('inform');
  }
  recording = await live.stopRecording({ name: 'three echoes', tags: ['int'] });
}, 60_000);
afterAll(async () => {
  await wb?.dispose();
});

describe('record and replay in the kernel worker', () => {
  it('a live tape of real agents reproduces its events on a bare kernel (the log hash holds)', () => {
    const player = createPlayer(recording);
    const sent = player.eventsBetween(player.first, player.last).filter((e) => e.type === 'message.sent');
    expect(sent).toHaveLength(6);
    expect(recording.header.modules.map((m) => m.kind)).toEqual(['echo']);
    expect(player.snapshot().agents.map((a) => a.name)).toEqual(['echo-1']);
  });

  it('replayed in simulation with the same agents: no divergence', async () => {
    const report = await replay.replayRecording(recording, { against: 'simulation' });
    expect(report.divergences).toEqual([]);
    expect(report.replayed).toHaveLength(3);
  });

  it('replayed against the live workbench: the same conversations again', async () => {
    const report = await replay.replayRecording(recording, { against: 'live' });
    expect(report.divergences).toEqual([]);
    expect(report.replayed).toHaveLength(3);
  });

  it('with echo-1 swapped for a counter, the first divergence is its first answer', async () => {
    const report = await replay.replayRecording(recording, { against: 'simulation', kinds: { 'echo-1': 'counter' } });
    // The request is the same; echo-1's answer (index 1) is a counter's, not the echo of { n: 0 }.
    expect(report.first).toMatchObject({ conversation: 'k0', index: 1, kind: 'field' });
    expect(report.first?.recorded?.message).toMatchObject({ sender: 'echo-1', content: { n: 0 } });
  });
});
