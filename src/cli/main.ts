/**
 * `orrery`: the headless runner. Experiments run in the deterministic simulation with
 * the real built-in WebAssembly agents, so a CI failure reproduces from its seed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseExperiment, ExperimentSchemaError, runSimulatedExperiment, runSwarm, type Experiment } from '../experiments';
import { createKindLibrary, type KindLibrary } from '../hosts/inline/createKindLibrary';
import { loadLibraryKinds } from '../hosts/inline/loadLibraryKinds';
import { nodeAgentAssets } from '../hosts/node/nodeAgentAssets';
import { parseCli, USAGE, UsageError, type CliCommand } from './args';
import { renderExperiment, renderSwarm } from './report';

export const EXIT = { pass: 0, fail: 1, badInput: 2 } as const;

export async function runCli(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let cli: CliCommand;
  try {
    cli = parseCli(argv);
  } catch (e) {
    out(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  if (cli.command === 'help') {
    out(USAGE);
    return EXIT.pass;
  }
  let experiment: Experiment;
  try {
    experiment = parseExperiment(await readFile(cli.file, 'utf8'));
  } catch (e) {
    out(describeBadFile(cli.file, e));
    return EXIT.badInput;
  }
  const library = await libraryFor(experiment);
  if (cli.command === 'experiment') {
    const result = await runSimulatedExperiment(experiment, { library, ...(cli.seed !== undefined ? { seed: cli.seed } : {}) });
    out(renderExperiment(result));
    if (cli.report) await writeFile(cli.report, JSON.stringify(result, null, 2));
    return result.pass ? EXIT.pass : EXIT.fail;
  }
  const swarm = await runSwarm(experiment.name, {
    seeds: { from: cli.from, count: cli.count },
    run: (seed) => runSimulatedExperiment(experiment, { library, seed }),
  });
  out(renderSwarm(swarm, cli.file));
  if (cli.report) await writeFile(cli.report, JSON.stringify(swarm, null, 2));
  return swarm.failed === 0 ? EXIT.pass : EXIT.fail;
}

function describeBadFile(file: string, e: unknown): string {
  if (e instanceof ExperimentSchemaError) return `${file} is not a valid experiment:\n${e.problems.map((p) => `  ${p}`).join('\n')}`;
  if (e instanceof UsageError) return e.message;
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  return `${file}: ${e instanceof Error ? e.message : String(e)}`;
}

/** Only the kinds the experiment deploys are compiled (a QuickJS kind costs ~1 s). */
async function libraryFor(experiment: Experiment): Promise<KindLibrary> {
  const library = createKindLibrary();
  const kinds = [...new Set(experiment.topology.agents.map((a) => a.kind))];
  await loadLibraryKinds(library, nodeAgentAssets(), kinds);
  return library;
}
