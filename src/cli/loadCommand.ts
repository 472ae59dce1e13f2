/**
 * `orrery load FILE`: check everything a person can get wrong (the file, the chaos it names,
 * the baseline, the output paths) before anything starts, run the load, then print the
 * k6-style summary on stdout and exit like k6: 0 passed, 99 a threshold failed (or a figure
 * regressed against --baseline).
 */
import { LoadExperimentError, type LoadExperiment } from '../experiments/load/experiment';
import type { LoadRunHooks, LoadRunResult } from '../experiments/load/run/types';
import {
  compareWithBaseline,
  createBaseline,
  formatTextSummary,
  renderHtmlReport,
  toSummaryExport,
  type Baseline,
  type BaselineComparison,
} from '../experiments/load/summary';
import { formatDuration } from '../experiments/load/summary/formatFigures';
import { renderBaselineComparison, regressionLine } from './baselineReport';
import { renderCanary } from './canaryReport';
import { knownKinds, setupChecked, type CliIo } from './commands';
import { EXIT, InputError, type ExitCode } from './exitCodes';
import type { LoadCli } from './loadArgs';
import { checkWritable, readBaselineFile, writeOutput } from './loadFiles';
import { createProgressReporter } from './loadProgress';
import { interruptControl, runLoad } from './loadRun';
import { readLoadExperiment, resolveChaosExperiment } from './readLoadExperiment';
import { junitXml } from './junit';
import { loadSuite } from './junitReports';
import { writeRecordingFile } from './recordingFile';
import type { Recording } from '../experiments/replay/types';
import { readContractFile } from './readContractFile';
import { contractsKept, contractsLine, contractsLines } from './contractsReport';

const OUTPUT_FLAGS = [
  ['--summary-export', 'summaryExport'],
  ['--html', 'html'],
  ['--text', 'text'],
  ['--save-baseline', 'saveBaseline'],
  ['--json', 'json'],
  ['--junit', 'junit'],
] as const;

export async function loadCommand(cli: LoadCli, io: CliIo): Promise<ExitCode> {
  for (const [flag, key] of OUTPUT_FLAGS) await checkWritable(flag, cli[key]);
  await checkWritable('--record', cli.record);
  const experiment = await readLoadExperiment(cli.file, knownKinds);
  const chaos = await resolveChaosExperiment(cli.file, experiment, cli.chaos, knownKinds);
  const baseline = cli.baseline === undefined ? undefined : await readBaselineFile(cli.baseline);
  const contracts = cli.contracts === undefined ? undefined : await readContractFile(cli.contracts);
  const hooks = await canaryHooksFor(experiment, cli.seed ?? experiment.seed ?? 1);
  const progress = createProgressReporter(cli.quiet ? undefined : io.progress);
  const interrupts = interruptControl(io.onInterrupt, (text) => (cli.quiet || !io.progress ? io.err(text) : progress.note(text)));
  let result: LoadRunResult;
  let recording: Recording | undefined;
  try {
    result = await setupChecked(
      cli.file,
      () =>
        runLoad({
          experiment,
          sim: cli.sim,
          ...(cli.seed !== undefined ? { seed: cli.seed } : {}),
          ...(chaos ? { chaos } : {}),
          ...(hooks ? { hooks } : {}),
          ...(contracts ? { contracts } : {}),
          onProgress: (p) => progress.update(p),
          ...(cli.record !== undefined ? { onRecording: (r: Recording) => (recording = r) } : {}),
          stopSignal: interrupts.stopSignal,
          abortSignal: interrupts.abortSignal,
        }),
      loadFileFault(cli.file),
    );
  } finally {
    interrupts.release();
    progress.done();
  }
  const comparison = baseline ? compareWithBaseline(result.summary, baseline.summary, { regressionPct: cli.regressionPct }) : undefined;
  io.out(cli.quiet ? resultLine(result, comparison) : renderLoadResult(result, baseline, comparison));
  await writeOutputs(cli, result);
  if (recording && cli.record !== undefined) {
    await writeRecordingFile('--record', cli.record, recording);
    if (!cli.quiet) io.out(`recording: ${cli.record} (${recording.tape.length} inputs, ${recording.header.counts.events} events)`);
  }
  // A broken contract is wrong, not slow: exit 1, as in `orrery run` (wrong beats slow).
  if (!contractsKept(result.contracts)) return EXIT.fail;
  return result.passed && (comparison?.regressions.length ?? 0) === 0 ? EXIT.pass : EXIT.thresholds;
}

/** The canary hooks, when the file has a canary section (the canary module loads only then). */
async function canaryHooksFor(experiment: LoadExperiment, seed: number): Promise<LoadRunHooks | undefined> {
  if (!experiment.canary) return undefined;
  const { canaryHooks } = await import('../experiments/load/canary');
  return canaryHooks(experiment.canary, seed);
}

/** What the runner refuses about the file once it builds the system is still the file's fault: invalid input. */
function loadFileFault(file: string) {
  return (e: unknown): InputError | undefined => {
    if (e instanceof LoadExperimentError) return new InputError(`${file}: ${e.message}`);
    // The runner's chaos planner (loaded lazily with the runner): a chaos name it cannot resolve.
    if (e instanceof Error && e.name === 'LoadChaosError') return new InputError(`ORR302: ${file}: ${e.message}`);
    return undefined;
  };
}

function header(result: LoadRunResult): string {
  const stopped = result.stoppedBy
    ? `   stopped by ${result.stoppedBy === 'threshold' ? 'a threshold (abortOnFail)' : `Ctrl-C (${result.stoppedBy})`}`
    : '';
  return `load: ${result.name}   mode: ${result.mode}   seed: ${result.seed}${stopped}`;
}

function totalsLine(result: LoadRunResult): string {
  const t = result.totals;
  const inFlight = t.inFlight > 0 ? ` + ${t.inFlight} in flight` : '';
  const interrupted = t.interrupted > 0 ? `, ${t.interrupted} interrupted` : '';
  return `totals: sent ${t.sent} = ok ${t.ok} + errors ${t.errors}${inFlight}; dropped ${t.dropped} iterations${interrupted}; ${(result.wallMs / 1000).toFixed(1)} s wall`;
}

/** Faults and canary stages on the run's time axis (the HTML report shades them on the charts). */
function annotationLines(result: LoadRunResult): string[] {
  const notes = result.summary.annotations;
  if (notes.length === 0) return [];
  const at = (ms: number) => formatDuration(Math.round(ms));
  const spans = notes.map((a) => (a.endMs === undefined ? `at ${at(a.startMs)}` : `${at(a.startMs)}–${at(a.endMs)}`));
  const width = Math.max(...spans.map((s) => s.length));
  return ['  █ EVENTS', '', ...notes.map((a, i) => `    ${spans[i]!.padEnd(width)}  ${a.label}`), ''];
}

export function renderLoadResult(
  result: LoadRunResult,
  baseline: Baseline | undefined,
  comparison: BaselineComparison | undefined,
): string {
  const lines = [
    header(result),
    '',
    formatTextSummary(result.summary),
    ...annotationLines(result),
    ...(result.canary ? renderCanary(result.canary) : []),
    totalsLine(result),
  ];
  if (result.logHash) lines.push(`log hash: ${result.logHash}`);
  lines.push(...contractsLines(result.contracts));
  if (baseline && comparison) lines.push('', renderBaselineComparison(comparison, result.summary, baseline));
  return lines.join('\n');
}

/** --quiet: the verdict on one line (with the log hash in simulation and the baseline's verdict). */
export function resultLine(result: LoadRunResult, comparison: BaselineComparison | undefined): string {
  const text = formatTextSummary(result.summary);
  const verdict = /RESULT: .*/.exec(text)?.[0] ?? `RESULT: ${result.passed ? '✓ passed' : '✗ failed'}`;
  return [
    verdict,
    ...(result.logHash ? [`log hash ${result.logHash}`] : []),
    ...(comparison ? [regressionLine(comparison)] : []),
    ...(result.contracts ? [contractsLine(result.contracts)] : []),
  ].join(' · ');
}

/** --json: the verdict, the thresholds and k6's summary-export figures. */
export function loadJson(result: LoadRunResult, file: string): unknown {
  return {
    file,
    name: result.name,
    mode: result.mode,
    seed: result.seed,
    passed: result.passed,
    ...(result.stoppedBy ? { stoppedBy: result.stoppedBy } : {}),
    ...(result.logHash ? { logHash: result.logHash } : {}),
    thresholds: result.summary.thresholds,
    totals: result.totals,
    wallMs: Math.round(result.wallMs),
    summary: toSummaryExport(result.summary),
    ...(result.contracts ? { contracts: result.contracts } : {}),
  };
}

async function writeOutputs(cli: LoadCli, result: LoadRunResult): Promise<void> {
  const now = new Date().toISOString();
  await writeOutput('--json', cli.json, `${JSON.stringify(loadJson(result, cli.file), null, 2)}\n`);
  await writeOutput('--junit', cli.junit, junitXml('orrery load', [loadSuite(result, cli.file)]));
  await writeOutput('--summary-export', cli.summaryExport, `${JSON.stringify(toSummaryExport(result.summary), null, 2)}\n`);
  await writeOutput('--text', cli.text, formatTextSummary(result.summary));
  if (cli.html !== undefined)
    await writeOutput('--html', cli.html, renderHtmlReport(result.summary, { title: result.name, generatedAt: now }));
  if (cli.saveBaseline !== undefined)
    await writeOutput(
      '--save-baseline',
      cli.saveBaseline,
      `${JSON.stringify(createBaseline(result.summary, result.name, now), null, 2)}\n`,
    );
}
