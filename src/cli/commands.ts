/**
 * The runner's commands. Heavy parts (wasm compilation, the simulation) load only when a
 * run really starts, so help and every input mistake answer at once.
 */
import {
  compareRuns,
  compareSwarms,
  experimentKinds,
  ExperimentSetupError,
  runSimulatedExperiment,
  runSwarm,
  type Experiment,
} from '../experiments';
import type { KindLibrary } from '../hosts/inProcess/createKindLibrary';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import { readExperiment } from './readExperiment';
import { readReport } from './reportFile';
import { checkOutputs, checkWritable, writeOutput } from './loadFiles';
import { writeRecordingFile } from './recordingFile';
import type { ProgressSink } from './loadProgress';
import { renderExperiment, renderRunComparison, renderSwarm, renderSwarmComparison } from './report';
import type { CommonFlags } from './commonFlags';
import { createCountProgress } from './countProgress';
import { junitXml } from './junit';
import { experimentSuite, swarmSuite } from './junitReports';
import { readContractFile } from './readContractFile';
import { contractsKept, contractsLine, contractsLines } from './contractsReport';
import type { Contracts } from '../experiments/contracts/parseContract';

/** `--contracts FILE` read and checked in full before anything runs (ORR601 with every problem). */
const contractsFrom = async (file: string | undefined): Promise<{ contracts?: Contracts }> =>
  file === undefined ? {} : { contracts: await readContractFile(file) };

export interface CliIo {
  /** Results (stdout). */
  out(text: string): void;
  /** Mistakes and errors (stderr). */
  err(text: string): void;
  /** Where `load` draws its progress (stderr); none: no progress. */
  progress?: ProgressSink;
  /** Ctrl-C: calls `listener` on each interrupt until the returned function is called. */
  onInterrupt?(listener: () => void): () => void;
}

/** The kinds the built-in agents provide, from their manifest. */
export async function knownKinds(): Promise<readonly string[]> {
  const { nodeAgentAssets } = await import('../hosts/node/nodeAgentAssets');
  const { parseManifest } = await import('../hosts/loadBuiltinKinds');
  const assets = nodeAgentAssets();
  return parseManifest(await assets.readManifest(), assets.where).map((e) => e.kind);
}

/** Only the kinds the experiment deploys are compiled (a QuickJS kind costs ~1 s). */
export async function libraryFor(experiment: Experiment): Promise<KindLibrary> {
  const { createKindLibrary } = await import('../hosts/inProcess/createKindLibrary');
  const { loadLibraryKinds } = await import('../hosts/inProcess/loadLibraryKinds');
  const { nodeAgentAssets } = await import('../hosts/node/nodeAgentAssets');
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), experimentKinds(experiment));
  return library;
}

async function writeReport(report: string | undefined, value: unknown, flag = '--report'): Promise<void> {
  await writeOutput(flag, report, JSON.stringify(value, null, 2));
}

/**
 * A topology the kernel refuses (e.g. a bad extra command) is the file's fault: invalid input.
 * `fileFault` names other errors a run can throw that are the file's fault too.
 */
export async function setupChecked<T>(file: string, run: () => Promise<T>, fileFault?: (e: unknown) => InputError | undefined): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ExperimentSetupError)
      throw new InputError(`${file}: the experiment's topology could not be built:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
    throw fileFault?.(e) ?? e;
  }
}

export async function experimentCommand(
  cli: { file: string; report?: string; record?: string; contracts?: string } & CommonFlags,
  io: CliIo,
): Promise<ExitCode> {
  await checkOutputs(cli);
  await checkWritable('--record', cli.record);
  const experiment = await readExperiment(cli.file, knownKinds);
  const contracts = await contractsFrom(cli.contracts);
  const library = await libraryFor(experiment);
  const options = { library, ...(cli.seed !== undefined ? { seed: cli.seed } : {}), ...contracts };
  const { result, recording } = await setupChecked(cli.file, async () => {
    if (cli.record === undefined) return { result: await runSimulatedExperiment(experiment, options), recording: undefined };
    const { recordSimulation } = await import('../experiments/replay/recordSimulation');
    return recordSimulation(experiment, options);
  });
  const kept = contractsKept(result.contracts);
  io.out(
    cli.quiet
      ? `${result.pass && kept ? 'PASS' : 'FAIL'}  ${result.experiment}  seed ${result.seed}  log hash ${result.hash}${result.contracts ? `  ${contractsLine(result.contracts)}` : ''}`
      : [renderExperiment(result), ...contractsLines(result.contracts)].join('\n'),
  );
  await writeReport(cli.report, result);
  await writeReport(cli.json, result, '--json');
  if (cli.junit !== undefined) await writeOutput('--junit', cli.junit, junitXml('orrery experiment', [experimentSuite(result, cli.file)]));
  if (recording && cli.record !== undefined) {
    await writeRecordingFile('--record', cli.record, recording);
    if (!cli.quiet) io.out(`recording: ${cli.record} (${recording.tape.length} inputs, ${recording.header.counts.events} events)`);
  }
  return result.pass && kept ? EXIT.pass : EXIT.fail;
}

export async function swarmCommand(
  cli: { file: string; from: number; count: number; report?: string; contracts?: string } & Omit<CommonFlags, 'seed'>,
  io: CliIo,
): Promise<ExitCode> {
  await checkOutputs(cli);
  const experiment = await readExperiment(cli.file, knownKinds);
  const contracts = await contractsFrom(cli.contracts);
  const library = await libraryFor(experiment);
  const progress = createCountProgress(cli.quiet ? undefined : io.progress, 'seeds', 'swarm');
  let failed = 0;
  let swarm;
  try {
    swarm = await setupChecked(cli.file, () =>
      runSwarm(experiment.name, {
        seeds: { from: cli.from, count: cli.count },
        run: (seed) => runSimulatedExperiment(experiment, { library, seed, ...contracts }),
        onRun: (run, done, total) => {
          if (!run.pass) failed++;
          progress.update(done, total, `${failed} failed`);
        },
      }),
    );
  } finally {
    progress.done();
  }
  const broke = swarm.runs.filter((r) => !contractsKept(r.contracts));
  const contractNote = contracts.contracts
    ? `; contracts: ${broke.reduce((n, r) => n + r.contracts!.violations, 0)} violations in ${broke.length} of ${swarm.runs.length} seeds${broke.length > 0 ? ` (seeds ${broke.map((r) => r.seed).join(', ')})` : ''}`
    : '';
  io.out(
    cli.quiet
      ? `swarm: ${swarm.experiment}: ${swarm.passed} passed, ${swarm.failed} failed${swarm.failed > 0 ? `; failing seeds ${swarm.failingSeeds.join(', ')}` : ''}${contractNote}`
      : `${renderSwarm(swarm, cli.file)}${contractNote ? `\n${contractNote.slice(2)}` : ''}`,
  );
  await writeReport(cli.report, swarm);
  await writeReport(cli.json, swarm, '--json');
  if (cli.junit !== undefined) await writeOutput('--junit', cli.junit, junitXml('orrery swarm', [swarmSuite(swarm, cli.file)]));
  return swarm.failed === 0 && broke.length === 0 ? EXIT.pass : EXIT.fail;
}

/** Exit 0 when the two reports are the same runs (same hashes), 1 when they differ. */
export async function compareCommand(cli: { file: string; other: string }, io: CliIo): Promise<ExitCode> {
  const [a, b] = await Promise.all([readReport(cli.file), readReport(cli.other)]);
  if (a.kind === 'run' && b.kind === 'run') {
    const c = compareRuns(a.run, b.run);
    io.out(renderRunComparison(c));
    return c.sameHash ? EXIT.pass : EXIT.fail;
  }
  if (a.kind === 'swarm' && b.kind === 'swarm') {
    const c = compareSwarms(a.swarm, b.swarm);
    io.out(renderSwarmComparison(c));
    return c.identical ? EXIT.pass : EXIT.fail;
  }
  throw new InputError(
    `compare: expected two run reports or two swarm reports, received a ${a.kind} (${cli.file}) and a ${b.kind} (${cli.other})`,
  );
}
