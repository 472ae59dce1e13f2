/**
 * `orrery replay REC`: read the recording (a refused file is invalid input with its ORR5xx
 * line), gather the agents to replay against, feed the recording's external inputs to a
 * fresh simulation of them (the recording's seed, so an unchanged system reproduces it
 * exactly), compare conversations, print the first divergence. Exit 0 when none, 1 else.
 */
import { formatError, OrreryError } from '../protocol/errors';
import type { CliIo } from './commands';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import { checkOutputs, writeOutput } from './loadFiles';
import { readRecordingFile } from './recordingFile';
import { replayAgents } from './replayAgents';
import type { ReplayCli } from './replayArgs';
import { quietReplay, renderReplay, replayJson, replayJUnit, type ReplayRun } from './replayReport';
import { readRulesFile } from './replayRules';
import { standInOutcomes, withStandInAgents } from './replayStandIns';

/** Errors of the replay that are the recording's or the workspace's fault (a kind neither provides). */
function replayFault(e: unknown): InputError | undefined {
  if (e instanceof OrreryError && e.code === 'ORR507') return new InputError(formatError(e.toJSON()));
  return undefined;
}

export async function replayCommand(cli: ReplayCli, io: CliIo): Promise<ExitCode> {
  await checkOutputs(cli);
  const rules = await readRulesFile(cli.rules);
  const recording = await readRecordingFile(cli.file);
  const { agents, standIns } = await withStandInAgents(recording, await replayAgents(recording, cli.against), cli.standIns ?? [], rules);
  const [{ replayInSimulation }, { externalInputs }] = await Promise.all([
    import('../experiments/replay/replayRecording'),
    import('../experiments/replay/externalInputs'),
  ]);
  const start = performance.now();
  let report;
  try {
    report = await replayInSimulation(recording, {
      library: agents.library,
      kinds: agents.kinds,
      rules,
      ...(cli.seed !== undefined ? { seed: cli.seed } : {}),
    });
  } catch (e) {
    throw replayFault(e) ?? e;
  }
  const run: ReplayRun = {
    file: cli.file,
    ...(cli.against !== undefined ? { against: cli.against } : {}),
    recording,
    inputs: externalInputs(recording),
    agents,
    rules,
    report,
    wallMs: performance.now() - start,
    ...(standIns.length > 0 ? { standIns: standInOutcomes(standIns) } : {}),
  };
  io.out(cli.quiet ? quietReplay(report) : renderReplay(run));
  await writeOutput('--json', cli.json, `${JSON.stringify(replayJson(run), null, 2)}\n`);
  await writeOutput('--junit', cli.junit, replayJUnit(run));
  const misses = (run.standIns ?? []).flatMap((s) => s.misses);
  if (!cli.quiet)
    for (const s of run.standIns ?? []) io.out(`${s.label}: ${s.misses.length} unanswered, ${s.unused} recorded answers unused`);
  for (const line of misses) io.err(line);
  return report.first || misses.length > 0 ? EXIT.fail : EXIT.pass;
}
