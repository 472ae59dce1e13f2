/**
 * `orrery run WORKSPACE`: every experiment a saved workspace declares, each one test case,
 * in the deterministic simulation (a CI failure reproduces from its seed). Everything is
 * checked before the first case starts; the agents of every case are compiled once. Exit 0
 * when every case passes, 1 when a chaos hypothesis fails, 99 when only thresholds fail.
 */
import type { ExperimentResult } from '../experiments';
import type { LoadRunResult } from '../experiments/load/run/types';
import type { KindLibrary } from '../hosts/inProcess/createKindLibrary';
import type { CommonFlags } from './commonFlags';
import { knownKinds, setupChecked, type CliIo } from './commands';
import { createCountProgress } from './countProgress';
import { EXIT, type ExitCode } from './exitCodes';
import { junitXml } from './junit';
import { experimentSuite, loadSuite } from './junitReports';
import { loadJson } from './loadCommand';
import { checkOutputs, writeOutput } from './loadFiles';
import { loadExperimentKinds } from './readLoadExperiment';
import { readWorkspaceRun, type RunCase } from './readWorkspaceRun';
import { contractsKept, contractsLines } from './contractsReport';
import type { Contracts } from '../experiments/contracts/parseContract';

export type RunCli = { command: 'run'; file: string } & CommonFlags;

type CaseResult = { type: 'experiment'; result: ExperimentResult } | { type: 'load'; result: LoadRunResult };

/** The case's own verdict (hypothesis or thresholds) and its contracts kept. */
const passed = (c: CaseResult) => (c.type === 'experiment' ? c.result.pass : c.result.passed) && contractsKept(c.result.contracts);

async function libraryForCases(cases: readonly RunCase[]): Promise<KindLibrary> {
  const [{ createKindLibrary, loadLibraryKinds }, { nodeAgentAssets }, { experimentKinds }] = await Promise.all([
    import('../hosts/inProcess'),
    import('../hosts/node/nodeAgentAssets'),
    import('../experiments'),
  ]);
  const kinds = new Set(
    cases.flatMap((c) =>
      c.type === 'experiment'
        ? experimentKinds(c.experiment)
        : [...loadExperimentKinds(c.experiment), ...(c.chaos ? experimentKinds(c.chaos) : [])],
    ),
  );
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), [...kinds]);
  return library;
}

async function runCase(
  c: RunCase,
  library: KindLibrary,
  given: { seed: number | undefined; contracts: Contracts | undefined },
  file: string,
): Promise<CaseResult> {
  const seeded = { ...(given.seed !== undefined ? { seed: given.seed } : {}), ...(given.contracts ? { contracts: given.contracts } : {}) };
  if (c.type === 'experiment') {
    const { runSimulatedExperiment } = await import('../experiments');
    return { type: 'experiment', result: await setupChecked(file, () => runSimulatedExperiment(c.experiment, { library, ...seeded })) };
  }
  const { runSimulatedLoadExperiment } = await import('../experiments/load/run');
  const result = await setupChecked(file, () =>
    runSimulatedLoadExperiment(c.experiment, {
      library,
      ...seeded,
      resolveChaos: (name) => (c.chaos?.name === name ? c.chaos : undefined),
    }),
  );
  return { type: 'load', result };
}

function caseLine(c: CaseResult): string {
  if (c.type === 'experiment') {
    const r = c.result;
    const why = [...r.failures.map((f) => `${f.window}/${f.probe} ${f.detail}`), ...r.errors];
    return `  ${passed(c) ? 'PASS' : 'FAIL'}  experiment: ${r.experiment}  seed ${r.seed}  log hash ${r.hash}${why.length ? `\n        ${why.join('\n        ')}` : ''}${contractsText(r.contracts)}`;
  }
  const r = c.result;
  const failing = r.summary.thresholds
    .filter((t) => !t.passed)
    .map((t) => `threshold ${t.metric} ${t.source}: observed ${t.observed ?? 'n/a'}`);
  return `  ${passed(c) ? 'PASS' : 'FAIL'}  load: ${r.name}  seed ${r.seed}  log hash ${r.logHash ?? 'n/a'}${failing.length ? `\n        ${failing.join('\n        ')}` : ''}${contractsText(r.contracts)}`;
}

/** Under the case line: the contracts line and the first violations. */
const contractsText = (summary: ExperimentResult['contracts']) =>
  contractsLines(summary)
    .map((line) => `\n        ${line.trimStart()}`)
    .join('');

export function runExitCode(results: readonly CaseResult[]): ExitCode {
  if (results.some((c) => (c.type === 'experiment' && !passed(c)) || !contractsKept(c.result.contracts))) return EXIT.fail;
  if (results.some((c) => c.type === 'load' && !passed(c))) return EXIT.thresholds;
  return EXIT.pass;
}

export async function runCommand(cli: RunCli, io: CliIo): Promise<ExitCode> {
  await checkOutputs(cli);
  const run = await readWorkspaceRun(cli.file, await knownKinds());
  const library = await libraryForCases(run.cases);
  const progress = createCountProgress(cli.quiet ? undefined : io.progress, 'cases', 'run');
  const results: CaseResult[] = [];
  try {
    for (const [i, c] of run.cases.entries()) {
      progress.update(i, run.cases.length, `${c.type}: ${c.name}`);
      results.push(await runCase(c, library, { seed: cli.seed, contracts: run.contracts }, cli.file));
    }
    progress.update(run.cases.length, run.cases.length);
  } finally {
    progress.done();
  }
  const failed = results.filter((c) => !passed(c)).length;
  const verdict = `run: ${run.name}: ${results.length} case${results.length === 1 ? '' : 's'}, ${results.length - failed} passed, ${failed} failed`;
  io.out(cli.quiet ? verdict : [`run: ${cli.file}`, ...results.map(caseLine), verdict].join('\n'));
  const json = {
    workspace: cli.file,
    name: run.name,
    passed: failed === 0,
    cases: results.map((c) =>
      c.type === 'experiment'
        ? { type: c.type, passed: passed(c), result: c.result }
        : { type: c.type, passed: passed(c), result: loadJson(c.result, cli.file) },
    ),
  };
  await writeOutput('--json', cli.json, `${JSON.stringify(json, null, 2)}\n`);
  const suites = results.map((c) => (c.type === 'experiment' ? experimentSuite(c.result, cli.file) : loadSuite(c.result, cli.file)));
  await writeOutput('--junit', cli.junit, junitXml(`orrery run: ${run.name}`, suites));
  return runExitCode(results);
}
