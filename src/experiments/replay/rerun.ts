/**
 * Runs a recording again in simulation with only some of its external inputs (the rest of
 * the commands kept), recording the run: the candidate a shrink step tries.
 */
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import { createTapeRecorder } from './recorder';
import { finishRecording } from './finishRecording';
import { externalInputs, type TimedCommand } from './externalInputs';
import { feed, type ReplayReport } from './replayRecording';
import { simulationFor, type SimulationForOptions } from './simulationFor';
import type { KernelEvent } from '../../kernel/types';
import type { Recording } from './types';

export interface Rerun {
  recording: Recording;
  /** The candidate run's whole log. */
  log: KernelEvent[];
  refused: ReplayReport['refused'];
}

/** Client and console messages and faults: what a shrink may drop. */
export function isDroppable(input: TimedCommand): boolean {
  const type = input.command.type;
  return type === 'message.send' || type === 'chaos.inject' || type === 'chaos.clear';
}

/** Every droppable input of the recording, from the tape's start (a shrink may drop any of them). */
export function droppableInputs(recording: Recording): TimedCommand[] {
  return externalInputs({ ...recording, header: { ...recording.header, startIndex: 0 } }).filter(isDroppable);
}

/** The recording's run with the droppable inputs not in `keep` left out. */
export async function rerunWith(recording: Recording, keep: ReadonlySet<number>, options: SimulationForOptions): Promise<Rerun> {
  const recorder = createTapeRecorder({ budget: Infinity });
  const sim = simulationFor(recording, { ...options, onInput: recorder.onInput });
  const log: KernelEvent[] = [];
  sim.subscribe((e) => void log.push(e));
  const inputs = externalInputs({ ...recording, header: { ...recording.header, startIndex: 0 } }).filter(
    (i) => !isDroppable(i) || keep.has(i.index),
  );
  const refused: ReplayReport['refused'] = [];
  try {
    await feed(sim, inputs, 0, refused);
    await sim.advanceTo(Math.max(sim.now(), recording.tape.at(-1)?.t ?? 0));
  } finally {
    sim.dispose();
  }
  const { header } = recording;
  const seed = (options.seed ?? header.simulationSeed ?? 1) >>> 0;
  const shrunk = finishRecording({
    tape: recorder.tape(),
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    simulationSeed: seed,
    clockMode: 'simulation',
    startIndex: 0,
    name: `${header.name} (shrunk)`,
    tags: [...header.tags],
    kernel: header.kernel,
    modules: header.modules,
    ...(header.workspace !== undefined ? { workspace: header.workspace } : {}),
    ...(header.chaos !== undefined ? { chaos: header.chaos } : {}),
    ...(header.load !== undefined ? { load: header.load } : {}),
  });
  return { recording: shrunk, log, refused };
}
