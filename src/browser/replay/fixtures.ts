/**
 * Test fixture — a small recording: JS echo and counter agents in the deterministic simulation,
 * a client sending requests in two conversations, taped and finished as a live session would
 * be (Record pressed after the topology was built).
 */
import { createKindLibrary, createSimulation, registerJsKinds } from '../../hosts/inProcess';
import { createTapeRecorder } from '../../experiments/replay/recorder';
import { finishRecording } from '../../experiments/replay/finishRecording';
import type { Recording } from '../../experiments/replay/types';
import type { Command } from '../../kernel/types';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';

const TOPOLOGY: Command[] = [
  { type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } },
  { type: 'agent.deploy', spec: { name: 'counter', kind: 'counter' } },
  { type: 'client.create', name: 'c' },
  { type: 'link.add', a: 'c', b: 'echo', id: 'c-echo' },
  { type: 'link.add', a: 'c', b: 'counter', id: 'c-counter' },
];

/** `messages` requests, alternating between conversations `a` (to echo) and `b` (to counter), 100 ms apart. */
export async function sampleRecording(messages = 6, seed = 7): Promise<Recording> {
  const library = registerJsKinds(createKindLibrary());
  const recorder = createTapeRecorder();
  const sim = createSimulation({ seed, library, kernel: { onInput: recorder.onInput }, eventLogCapacity: Infinity });
  for (const command of TOPOLOGY) sim.command(command);
  await sim.runUntilIdle(100);
  const startIndex = recorder.size;
  for (let i = 0; i < messages; i++) {
    const conversation = i % 2 === 0 ? 'a' : 'b';
    const receiver = conversation === 'a' ? 'echo' : 'counter';
    sim.send(
      { performative: 'request', receiver, sender: 'c', content: { n: i }, conversation_id: conversation, reply_with: `r${i}` },
      'c',
    );
    await sim.advanceTo(sim.now() + 100);
  }
  await sim.runUntilIdle(sim.now() + 1_000);
  sim.dispose();
  return finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    simulationSeed: seed,
    clockMode: 'simulation',
    startIndex,
    name: 'sample',
    tags: [],
    kernel: {},
    modules: [{ kind: 'echo', hash: 'e', label: 'Echo agent', builtin: true }],
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}
