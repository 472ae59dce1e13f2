/**
 * A draft contract from the whole live run, not only the kernel's bounded event log: a bare
 * kernel steps the live tape (every input since the kernel's birth) and regenerates every
 * event, in slices so the kernel worker keeps serving the page and its agents meanwhile.
 */
import { createContractInference, type ContractInference, type KindOf } from '../../experiments/contracts/inferContract';
import { createBareKernel } from '../../experiments/replay/bareKernel';
import type { TapeRecorder } from '../../experiments/replay/recorder';
import type { RecordingHeader } from '../../experiments/replay/types';
import type { KernelEvent } from '../../kernel/types';
import { createYielder } from '../../workspace/recording/yieldToEventLoop';

export interface LiveTape {
  recorder: Pick<TapeRecorder, 'tape' | 'cutShort'>;
  /** The live kernel's seed and options, as a recording of it would carry them. */
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>;
}

/** Tape entries stepped between two looks at the clock (a few ms of work). */
const SLICE = 500;

export interface TapeInference {
  inference: ContractInference;
  /** Events the tape regenerated. */
  events: number;
}

/**
 * Steps the tape as it is now (entries taped meanwhile are left for the next draft). Kinds come
 * from the regenerated `agent.deployed` events (every agent's, since the tape starts at birth),
 * as of each message; `kindOf` only for a name they do not cover.
 */
export async function inferFromTape(tape: LiveTape, kindOf: KindOf, breathe = createYielder()): Promise<TapeInference> {
  // The recorder only appends to this array (letting go replaces it): the first `end` entries stay as they are.
  const entries = tape.recorder.tape();
  const end = entries.length;
  const inference = createContractInference(kindOf, { deployedKinds: true });
  const pending: KernelEvent[] = [];
  const bare = createBareKernel(tape.header, (event) => pending.push(event));
  let events = 0;
  for (let i = 0; i < end;) {
    const stop = Math.min(end, i + SLICE);
    for (; i < stop; i++) bare.step(entries[i]!);
    inference.observe(pending);
    events += pending.length;
    pending.length = 0;
    await breathe();
  }
  return { inference, events };
}
