/**
 * Shrink in the kernel worker: a chaos run recorded in simulation whose hypothesis failed is
 * run again once (its result gives the windows the hypothesis is judged in), then the core's
 * `shrink` drops client messages and faults while `hypothesisFails` still holds.
 */
import type { Command } from '../../kernel/types';
import type { KindLibrary } from '../../hosts/inProcess';
import { parseExperiment } from '../../experiments/chaos/parseExperiment';
import { runSimulatedExperiment } from '../../experiments/chaos/runSimulatedExperiment';
import { externalInputs } from '../../experiments/replay/externalInputs';
import { hypothesisFails } from '../../experiments/replay/hypothesisFails';
import { droppableInputs, isDroppable } from '../../experiments/replay/rerun';
import { NothingToShrinkError, shrink, type ShrinkResult } from '../../experiments/replay/shrink';
import type { Recording } from '../../experiments/replay/types';
import type { ShrinkOutcome, ShrinkProgress } from './types';

export const NOTHING_TO_SHRINK = "this recording's run passed its checks: nothing to shrink";
/** The experiment fails, but the recording's own inputs run again do not (the core's NothingToShrinkError). */
export const INPUTS_DO_NOT_FAIL = "this recording's inputs, run again, no longer fail its checks: nothing to shrink";

/** Why a recording cannot be shrunk here, or undefined when it can be tried. */
export function shrinkRefusal(recording: Recording): string | undefined {
  const { header } = recording;
  if (header.chaos === undefined) return 'this recording was not driven by a chaos experiment: it has no checks to fail, nothing to shrink';
  if (header.clockMode !== 'simulation')
    return 'only a chaos run recorded in simulation can be shrunk (each candidate is re-run deterministically)';
  return undefined;
}

/** One external input as a line: who sent what to whom, or which fault. */
export function describeInput(command: Command): string {
  if (command.type === 'message.send') {
    const m = (command.message ?? {}) as { performative?: string; receiver?: string; content?: unknown };
    const content = JSON.stringify(m.content ?? null);
    return `${command.from ?? 'you'} → ${m.receiver ?? '?'}: ${m.performative ?? '?'} ${content.length > 80 ? `${content.slice(0, 79)}…` : content}`;
  }
  if (command.type === 'chaos.inject') {
    const { id, target, probability, effect } = command.fault;
    const on = [...(target.links ?? []), ...(target.agents ?? [])].join(', ') || 'everything';
    return `fault ${id}: ${effect.kind} on ${on} (p ${probability})`;
  }
  if (command.type === 'chaos.clear') return command.id ? `clear fault ${command.id}` : 'clear every fault';
  return command.type;
}

export async function shrinkInWorker(
  recording: Recording,
  library: KindLibrary,
  onProgress?: (progress: ShrinkProgress) => void,
): Promise<ShrinkOutcome> {
  const refusal = shrinkRefusal(recording);
  if (refusal) return { shrunk: false, reason: refusal };
  const experiment = parseExperiment(recording.header.chaos);
  const seed = recording.header.simulationSeed ?? experiment.seed ?? 1;
  const original = await runSimulatedExperiment(experiment, { library, seed, kernel: recording.header.kernel });
  if (original.pass) return { shrunk: false, reason: NOTHING_TO_SHRINK };
  const judge = hypothesisFails(experiment, original);
  const from = droppableInputs(recording).length;
  const progress: ShrinkProgress = { tried: 0, kept: from, from };
  let result: ShrinkResult;
  try {
    result = await shrink(recording, {
      library,
      fails(run) {
        const failed = judge(run);
        progress.tried += 1;
        if (failed) progress.kept = Math.min(progress.kept, droppableInputs(run.recording).length);
        onProgress?.({ ...progress });
        return failed;
      },
    });
  } catch (e) {
    if (e instanceof NothingToShrinkError) return { shrunk: false, reason: INPUTS_DO_NOT_FAIL };
    throw e;
  }
  return {
    shrunk: true,
    recording: result.recording,
    from: result.from,
    to: result.to,
    tried: result.steps.length,
    gaveUp: result.gaveUp,
    inputs: externalInputs(result.recording)
      .filter(isDroppable)
      .map((i) => ({ t: i.t, type: i.command.type, text: describeInput(i.command) })),
    conversations: result.conversations,
  };
}
