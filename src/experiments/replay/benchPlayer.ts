/**
 * Measures opening a recording of about a million events and seeking in it:
 * `npx tsx src/experiments/replay/benchPlayer.ts [events]` (default 1,000,000).
 * The recording: a client sending requests to the JS echo in simulation, with the tape on.
 */
import { createKindLibrary, createSimulation, registerJsKinds } from '../../hosts/inProcess';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import { createTapeRecorder } from './recorder';
import { finishRecording } from './finishRecording';
import { createPlayer } from './player';

async function main(target: number): Promise<void> {
  const recorder = createTapeRecorder({ budget: Infinity });
  const sim = createSimulation({
    seed: 1,
    library: registerJsKinds(createKindLibrary()),
    kernel: { onInput: recorder.onInput },
    eventLogCapacity: 0,
  });
  let events = 0;
  sim.subscribe(() => void events++);
  sim.command({ type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } });
  sim.command({ type: 'client.create', name: 'c' });
  sim.command({ type: 'link.add', a: 'c', b: 'echo' });
  await sim.runUntilIdle(100);
  for (let i = 0; events < target; i++) {
    sim.send(
      { performative: 'request', receiver: 'echo', sender: 'c', content: { i }, reply_with: `r${i}`, conversation_id: `k${i % 1000}` },
      'c',
    );
    if (i % 100 === 99) await sim.advanceTo(sim.now() + 5);
  }
  await sim.runUntilIdle();
  sim.dispose();
  const recording = finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(1, STREAM.kernel),
    clockMode: 'simulation',
    startIndex: 0,
    name: 'bench',
    tags: [],
    kernel: {},
    modules: [],
  });
  // CPU time beside wall time: on a shared machine the wall time is mostly the neighbours'.
  const time = (label: string, fn: () => void): void => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpu);
    console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
  };
  console.log(`${recording.header.counts.inputs} inputs, ${recording.header.counts.events} events`);
  let player!: ReturnType<typeof createPlayer>;
  time('open (one pass: index, markers, conversations, hash check)', () => (player = createPlayer(recording)));
  time('seek to the last event', () => player.seekSeq(player.last));
  time('seek back to the middle (re-steps from the start)', () => player.seekSeq(Math.floor(player.last / 2)));
  time('step back one event (re-steps from the start)', () => player.stepEvent(-1));
  time('step forward one event', () => player.stepEvent(1));
  console.log(`heap used after open: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

void main(Number(process.argv[2] ?? 1_000_000));
