/** Test kit: random command sequences on the JS agents in simulation, recorded with the tap. */
import fc from 'fast-check';
import { createKindLibrary, createSimulation, registerJsKinds } from '../../hosts/inProcess';
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import type { Command, KernelEvent } from '../../kernel/types';
import { createTapeRecorder } from './recorder';
import { finishRecording } from './finishRecording';
import type { Recording } from './types';

export const library = registerJsKinds(createKindLibrary());

export type Op =
  | { op: 'send'; to: string; performative: 'request' | 'inform'; n: number }
  | { op: 'crash' }
  | { op: 'fault'; probability: number }
  | { op: 'clear' }
  | { op: 'restart'; agent: string }
  | { op: 'wait'; ms: number };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('send' as const),
      to: fc.constantFrom('echo', 'counter', 'crasher'),
      performative: fc.constantFrom('request' as const, 'inform' as const),
      n: fc.nat(1000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fault' as const), probability: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), agent: fc.constantFrom('echo', 'counter') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
);

export const TOPOLOGY: Command[] = [
  { type: 'agent.deploy', spec: { name: 'echo', kind: 'echo' } },
  { type: 'agent.deploy', spec: { name: 'counter', kind: 'counter' } },
  { type: 'agent.deploy', spec: { name: 'crasher', kind: 'crasher' } },
  { type: 'client.create', name: 'c' },
  { type: 'link.add', a: 'c', b: 'echo', id: 'c-echo' },
  { type: 'link.add', a: 'c', b: 'counter', id: 'c-counter' },
  { type: 'link.add', a: 'c', b: 'crasher', id: 'c-crasher' },
];

/** Runs the ops on the JS agents in simulation with the tap; returns the log and the recording. */
export async function recordOps(seed: number, ops: readonly Op[], lib = library): Promise<{ log: KernelEvent[]; recording: Recording }> {
  const recorder = createTapeRecorder();
  const sim = createSimulation({ seed, library: lib, kernel: { onInput: recorder.onInput }, eventLogCapacity: Infinity });
  for (const command of TOPOLOGY) sim.command(command);
  await sim.runUntilIdle(100);
  let i = 0;
  for (const op of ops) {
    i++;
    if (op.op === 'send') {
      const draft = {
        performative: op.performative,
        receiver: op.to,
        sender: 'c',
        content: { n: op.n },
        reply_with: `r${i}`,
        reply_by: sim.now() + 2000,
        conversation_id: `conv-${i % 3}`,
      };
      sim.send(draft, 'c');
    } else if (op.op === 'crash')
      sim.send({ performative: 'request', receiver: 'crasher', sender: 'c', content: { action: 'crash' } }, 'c');
    else if (op.op === 'fault')
      sim.command({ type: 'chaos.inject', fault: { id: 'f', target: {}, probability: op.probability, effect: { kind: 'drop' } } });
    else if (op.op === 'clear') sim.command({ type: 'chaos.clear' });
    else if (op.op === 'restart') sim.command({ type: 'agent.restart', name: op.agent });
    else await sim.advanceTo(sim.now() + op.ms);
  }
  await sim.runUntilIdle(sim.now() + 60_000);
  const log = [...sim.log()];
  sim.dispose();
  const recording = finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    clockMode: 'simulation',
    simulationSeed: seed,
    startIndex: 0,
    name: 'ops',
    tags: [],
    kernel: {},
    modules: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return { log, recording };
}
