/**
 * `orrery shrink REC`: a recording of a simulated chaos run whose hypothesis failed, shrunk by
 * the core's ddmin (`shrink`) with `hypothesisFails` as the predicate: the fewest client
 * messages and faults that still fail. The experiment is run once first (same seed) for its
 * windows and its verdict: a run that passes has nothing to shrink (exit 1).
 */
import { ExperimentSchemaError, parseExperiment, type Experiment } from '../experiments';
import type { Rerun } from '../experiments/replay/rerun';
import type { Recording } from '../experiments/replay/types';
import type { KernelEvent } from '../kernel/types';
import { formatError, OrreryError } from '../protocol/errors';
import { setupChecked, type CliIo } from './commands';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import { checkWritable, writeOutput } from './loadFiles';
import { readRecordingFile, writeRecordingFile } from './recordingFile';
import { replayAgents } from './replayAgents';
import type { ShrinkCli } from './shrinkArgs';
import { checkLine, renderShrink, shrinkJson, stepLine } from './shrinkReport';

/** The chaos experiment the recording was driven by (header.chaos), checked as a file would be. */
export function recordedExperiment(file: string, recording: Recording): Experiment {
  const { chaos } = recording.header;
  if (chaos === undefined)
    throw new InputError(
      `${file}: not a recording of a chaos experiment (its header has none), so there is no hypothesis to keep failing; ` +
        'record one with "orrery experiment FILE --record REC"',
    );
  try {
    return parseExperiment(JSON.stringify(chaos));
  } catch (e) {
    if (e instanceof ExperimentSchemaError)
      throw new InputError(`${file}: the recorded chaos experiment is not valid:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
    throw e;
  }
}

const kindFault = (e: unknown) => (e instanceof OrreryError && e.code === 'ORR507' ? new InputError(formatError(e.toJSON())) : undefined);

export async function shrinkCommand(cli: ShrinkCli, io: CliIo): Promise<ExitCode> {
  await checkWritable('--out', cli.out);
  await checkWritable('--json', cli.json);
  const recording = await readRecordingFile(cli.file);
  const experiment = recordedExperiment(cli.file, recording);
  const { library } = await replayAgents(recording, undefined);
  const [{ runSimulatedExperiment }, { failedChecks, hypothesisFails }, { shrink, NothingToShrinkError }, { droppableInputs }] =
    await Promise.all([
      import('../experiments/chaos/runSimulatedExperiment'),
      import('../experiments/replay/hypothesisFails'),
      import('../experiments/replay/shrink'),
      import('../experiments/replay/rerun'),
    ]);
  const seed = (recording.header.simulationSeed ?? experiment.seed ?? 1) >>> 0;
  const original = await setupChecked(cli.file, () => runSimulatedExperiment(experiment, { library, seed }), kindFault);
  const nothing = `${cli.file}: "${experiment.name}" passes its hypothesis when run again (seed ${seed}): nothing to shrink`;
  if (original.pass) {
    io.out(nothing);
    return EXIT.fail;
  }
  const total = droppableInputs(recording).length;
  const predicate = hypothesisFails(experiment, original);
  const logs = new WeakMap<Recording, KernelEvent[]>();
  let runs = 0;
  const fails = (run: Rerun): boolean => {
    const failed = predicate(run);
    if (failed) logs.set(run.recording, run.log);
    if (!cli.quiet) io.err(stepLine(++runs, droppableInputs(run.recording).length, total, failed));
    return failed;
  };
  let result;
  try {
    result = await setupChecked(cli.file, () => shrink(recording, { library, seed, fails }), kindFault);
  } catch (e) {
    // The experiment fails but the recording's inputs replayed do not (a recording from other agents).
    if (e instanceof NothingToShrinkError) {
      io.out(`${cli.file}: its inputs replayed no longer fail the hypothesis (seed ${seed}): nothing to shrink`);
      return EXIT.fail;
    }
    throw e;
  }
  const failed = failedChecks(experiment, original, logs.get(result.recording) ?? []);
  const run = {
    file: cli.file,
    recording,
    seed,
    result,
    kept: droppableInputs(result.recording),
    failed,
    ...(cli.out ? { out: cli.out } : {}),
  };
  if (cli.out !== undefined) await writeRecordingFile('--out', cli.out, result.recording);
  io.out(renderShrink(run, cli.quiet));
  if (failed.length === 0)
    io.err(`shrink: the minimal run's failing check could not be named (original: ${original.failures.map(checkLine).join('; ')})`);
  await writeOutput('--json', cli.json, `${JSON.stringify(shrinkJson(run), null, 2)}\n`);
  return EXIT.pass;
}
