/**
 * A chaos experiment (or a load experiment) run in the deterministic simulation with the tape
 * recorder on the kernel's `onInput`: the run's result and its recording. The simulation's
 * kernel Rng is the seed's kernel stream, so that is the recording's kernel seed.
 */
import { deriveSeed, STREAM } from '../../kernel/shell/seedStreams';
import { runSimulatedExperiment, type SimulatedRunOptions } from '../chaos/runSimulatedExperiment';
import type { ExperimentResult } from '../chaos/result';
import type { Experiment } from '../chaos/types';
import { runSimulatedLoadExperiment } from '../load/run/runSimulatedLoadExperiment';
import type { LoadExperiment } from '../load/experiment/types';
import type { LoadRunResult, SimulatedLoadRunOptions } from '../load/run/types';
import { createTapeRecorder, type TapeRecorder } from './recorder';
import { finishRecording } from './finishRecording';
import { recordingModules } from './recordingModules';
import type { Recording } from './types';
import type { KindLibrary } from '../../hosts/inProcess';

export interface RecordOptions {
  name?: string;
  tags?: string[];
  /** Most inputs taped (default: no limit in simulation; past it the recording is cut short). */
  budget?: number;
  createdAt?: string;
}

export async function recordSimulation(
  experiment: Experiment,
  options: SimulatedRunOptions & { record?: RecordOptions },
): Promise<{ result: ExperimentResult; recording: Recording }> {
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const recorder = createTapeRecorder({ budget: options.record?.budget ?? Infinity });
  const { record, ...runOptions } = options;
  const result = await runSimulatedExperiment(experiment, {
    ...runOptions,
    seed,
    kernel: { ...options.kernel, onInput: chain(options.kernel?.onInput, recorder) },
  });
  const kernel = { ...pick(options.kernel) };
  const recording = finish(recorder, seed, options.library, kernel, record, { chaos: experiment }, experiment.name);
  return { result, recording };
}

/** A simulated load run with the tape on: its result and recording (the load file in the header). */
export async function recordLoadSimulation(
  experiment: LoadExperiment,
  options: SimulatedLoadRunOptions & { record?: RecordOptions },
): Promise<{ result: LoadRunResult; recording: Recording }> {
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const recorder = createTapeRecorder({ budget: options.record?.budget ?? Infinity });
  const { record, ...runOptions } = options;
  const result = await runSimulatedLoadExperiment(experiment, { ...runOptions, seed, onInput: recorder.onInput });
  const recording = finish(recorder, seed, options.library, {}, record, { load: experiment }, experiment.name);
  return { result, recording };
}

function finish(
  recorder: TapeRecorder,
  seed: number,
  library: KindLibrary,
  kernel: Recording['header']['kernel'],
  record: RecordOptions | undefined,
  drivenBy: { chaos?: unknown; load?: unknown },
  defaultName: string,
): Recording {
  const tape = recorder.tape();
  return finishRecording({
    tape,
    kernelSeed: deriveSeed(seed, STREAM.kernel),
    simulationSeed: seed,
    clockMode: 'simulation',
    startIndex: 0,
    name: record?.name ?? defaultName,
    tags: record?.tags ?? [],
    kernel,
    modules: recordingModules(tape, library),
    ...drivenBy,
    ...(recorder.cutShort ? { cutShort: recorder.cutShort } : {}),
    ...(record?.createdAt ? { createdAt: record.createdAt } : {}),
  });
}

function chain(
  first: ((input: Parameters<TapeRecorder['onInput']>[0], now: number) => void) | undefined,
  recorder: TapeRecorder,
): TapeRecorder['onInput'] {
  return first
    ? (input, now) => {
        first(input, now);
        recorder.onInput(input, now);
      }
    : recorder.onInput;
}

function pick(options: SimulatedRunOptions['kernel']): Recording['header']['kernel'] {
  const out: Recording['header']['kernel'] = {};
  if (options?.maxMessageBytes !== undefined) out.maxMessageBytes = options.maxMessageBytes;
  if (options?.maxInFlight !== undefined) out.maxInFlight = options.maxInFlight;
  return out;
}
