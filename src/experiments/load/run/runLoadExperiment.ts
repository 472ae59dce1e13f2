/**
 * Runs a load experiment on any ExperimentShell: the simulation (virtual time) or a live
 * runtime (real time, real workers). Builds what the file describes, then drives the
 * scenarios' executors on the shell's clock — at each wake every due action in one batch,
 * sleeping with `advanceTo` until the next (never a timer per iteration) — with chaos
 * alongside, thresholds checked every 2 s, progress every `progressEveryMs`; ends with the
 * verdict and the summary.
 */
import { watchContracts } from '../../contracts/watchContracts';
import { createSeededRng } from '../../../kernel/rng';
import type { Command } from '../../../kernel/types';
import type { ExperimentShell } from '../../ExperimentShell';
import { deriveSeed } from '../../seeds';
import { createScenarioSet, type ScenarioSet } from '../executors/scenarioSet';
import type { LoadExperiment } from '../experiment/types';
import type { MetricRegistry } from '../metrics/createMetricRegistry';
import { buildSummary, type SummaryAnnotation } from '../summary/buildSummary';
import { checkThresholds, thresholdVerdict, type ThresholdResult } from '../thresholds/evaluateThresholds';
import { breakingPoint, breakingPointAnnotation } from './breakingPoint';
import { createChaosRunner, planLoadChaos, type ChaosRunner } from './chaosPlan';
import { IterationDriver } from './iterationDriver';
import { OutcomeTracker } from './outcomeTracker';
import { createProgressReporter } from './progressReporter';
import { createLoadRegistry, setUpLoad } from './setUp';
import { createTopologyIndex, type TopologyIndex } from './topologyIndex';
import type { BreakingPoint, LoadRunHooks, LoadRunOptions, LoadRunResult } from './types';

/** Hooks are ticked at least this often (ms of run time). */
export const TICK_MS = 100;
/** k6's cadence for thresholds during a run. */
export const THRESHOLD_CHECK_MS = 2000;
const GAUGE_MS = 1000;
const MIN_STEP_MS = 0.001;
/** Hooks that stay busy after the scenarios end get this long at most. */
const BUSY_LIMIT_MS = 60_000;
/** Random streams of a load run, apart from the shell's. */
export const LOAD_STREAM = { route: 101, chaos: 102, agentLatency: 103, linkLatency: 104 } as const;

interface Run {
  shell: ExperimentShell;
  experiment: LoadExperiment;
  options: LoadRunOptions;
  hooks: LoadRunHooks;
  t0: number;
  set: ScenarioSet;
  registry: MetricRegistry;
  tracker: OutcomeTracker;
  driver: IterationDriver;
  chaos: ChaosRunner;
  problems: Set<string>;
  thresholds: ThresholdResult[];
  stoppedBy?: LoadRunResult['stoppedBy'];
  abortedBy?: ThresholdResult;
  breakingPoint?: BreakingPoint;
}

export async function runLoadExperiment(
  shell: ExperimentShell,
  experiment: LoadExperiment,
  options: LoadRunOptions = {},
): Promise<LoadRunResult> {
  const wallStart = performance.now();
  const seed = (options.seed ?? experiment.seed ?? 1) >>> 0;
  const hooks = options.hooks ?? {};
  const chaosActions = planLoadChaos(experiment.chaos, options.resolveChaos);
  await setUpLoad(shell, experiment, hooks);
  // After the set-up: its agents' kinds come from the snapshot, later deploys (a canary) from their events.
  const contracts = options.contracts ? watchContracts(shell, options.contracts) : undefined;
  const registry = createLoadRegistry(experiment);
  const tracker = new OutcomeTracker();
  const topology = createTopologyIndex(shell);
  const reporter = options.onProgress ? createProgressReporter(registry) : undefined;
  const unsubscribe = shell.subscribe((e) => {
    tracker.onEvent(e);
    topology.onEvent(e);
    reporter?.onEvent(e);
  });
  try {
    wireStaticClients(experiment, topology);
    const t0 = shell.now();
    const set = createScenarioSet(experiment.scenarios);
    const problems = new Set<string>();
    const route = createSeededRng(deriveSeed(seed, LOAD_STREAM.route));
    const driver = new IterationDriver({
      ...{ shell, t0, seed, set, registry, topology, tracker, hooks },
      scenarios: experiment.scenarios,
      routeRng: route,
      problem: (text) => void problems.add(text),
    });
    const chaos = createChaosRunner(shell, chaosActions, createSeededRng(deriveSeed(seed, LOAD_STREAM.chaos)), t0);
    const run: Run = { shell, experiment, options, hooks, t0, set, registry, tracker, driver, chaos, problems, thresholds: [] };
    await drive(run, reporter);
    const result = finish(run, seed, performance.now() - wallStart, reporter);
    return contracts ? { ...result, contracts: contracts.summary() } : result;
  } finally {
    unsubscribe();
    contracts?.stop();
  }
}

type Reporter = ReturnType<typeof createProgressReporter>;

/** Client nodes named in full, wired to targets named in full, are on the canvas before the load starts; the others come with their first iteration. */
function wireStaticClients(experiment: LoadExperiment, topology: TopologyIndex): void {
  for (const s of Object.values(experiment.scenarios)) {
    if (s.client.includes('${')) continue;
    topology.ensureClient(s.client);
    if (!s.target.includes('${')) topology.ensureLink(s.client, s.target);
  }
}

/** Wakes, carries out what is due, sleeps until the next thing is due; until the scenarios (and the hooks) are done. */
async function drive(run: Run, reporter: Reporter | undefined): Promise<void> {
  const { shell, set, driver, t0, hooks } = run;
  const every = Math.max(1, run.options.progressEveryMs ?? 500);
  const next = { tick: 0, check: THRESHOLD_CHECK_MS, gauge: 0, progress: every };
  let doneAt: number | undefined;
  let target = 0;
  let now = 0;
  for (;;) {
    // Reached the wake asked for: that is now, exactly (t0 + target - t0 need not be target in floating point); never back.
    now = Math.max(now, shell.now() >= t0 + target ? Math.max(target, shell.now() - t0) : shell.now() - t0);
    driver.catchUp(now);
    signals(run, now);
    driver.carry(set.advance(now), now);
    run.chaos.due(now);
    if (now >= next.tick) {
      apply(run, hooks.tick?.(now, run.tracker.inFlight) ?? []);
      next.tick = now + TICK_MS;
    }
    if (now >= next.gauge) {
      gauges(run, now);
      next.gauge = now + GAUGE_MS;
    }
    if (now >= next.check) {
      check(run, now);
      next.check = now + THRESHOLD_CHECK_MS;
    }
    if (reporter && now >= next.progress) {
      run.options.onProgress?.(report(run, reporter, now));
      next.progress = now + every;
    }
    // A scenario with something still to do always has a next wake or an iteration under way.
    if (set.nextWakeAt() === undefined && set.progress(now).done) {
      doneAt ??= now;
      if (!hooks.busy?.() || now - doneAt >= BUSY_LIMIT_MS) return;
    }
    const candidates = [set.nextWakeAt(), driver.nextAt(), run.chaos.nextAt(), next.tick, next.check, next.gauge];
    if (reporter) candidates.push(next.progress);
    const wake = Math.min(...candidates.filter((t): t is number => t !== undefined));
    // Everything due by `now` was done: a wake not later means time must move on (never spin at one instant).
    target = wake > now ? wake : now + MIN_STEP_MS;
    await shell.advanceTo(t0 + target, run.tracker.hasUrgent);
    await yieldNowAndThen(shell);
  }
}

const YIELD_EVERY_MS = 50;
let lastYield = 0;

/**
 * The simulation never waits for real time: every so often (wall time) it lets other tasks run,
 * so a Stop or Abort (a message to the worker, a Ctrl-C) is heard while an hour of load simulates.
 */
async function yieldNowAndThen(shell: ExperimentShell): Promise<void> {
  if (shell.mode !== 'simulation' || performance.now() - lastYield < YIELD_EVERY_MS) return;
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastYield = performance.now();
}

/** Stop (graceful) and abort, from the caller's signals. */
function signals(run: Run, now: number): void {
  if (run.stoppedBy === undefined && run.options.abortSignal?.aborted) {
    run.stoppedBy = 'abort';
    run.driver.carry(run.set.abort(now), now);
  } else if (run.stoppedBy === undefined && run.options.stopSignal?.aborted) {
    run.stoppedBy = 'stop';
    run.driver.carry(run.set.stop(now), now);
  } else if (run.stoppedBy === 'stop' && run.options.abortSignal?.aborted) {
    run.stoppedBy = 'abort';
    run.driver.carry(run.set.abort(now), now);
  }
}

function check(run: Run, now: number): void {
  const { results, abortBy } = checkThresholds(run.experiment.thresholds, run.registry, now);
  run.thresholds = results;
  if (abortBy && run.abortedBy === undefined && run.stoppedBy !== 'abort') {
    run.abortedBy = abortBy;
    run.breakingPoint = breakingPoint(run.experiment.scenarios, abortBy, now);
    run.stoppedBy = 'threshold';
    run.driver.carry(run.set.abort(now), now);
  }
}

function gauges(run: Run, now: number): void {
  const stats = run.set.stats().total;
  run.registry.add('vus', stats.busyVUs, {}, now);
  run.registry.add('vus_max', stats.allocatedVUs, {}, now);
}

function apply(run: Run, commands: readonly Command[]): void {
  for (const command of commands) {
    const { error } = run.shell.command(command);
    if (error) run.problems.add(`${command.type}: ${error.code}: ${error.message}`);
  }
}

function annotations(run: Run, now: number): SummaryAnnotation[] {
  return [
    ...run.chaos.annotations(),
    ...(run.hooks.annotations?.() ?? []),
    ...(run.breakingPoint && run.abortedBy
      ? [breakingPointAnnotation(run.breakingPoint, run.abortedBy, run.registry.definition(run.abortedBy.metric.split('{')[0]!))]
      : []),
    ...[...run.problems].map((label) => ({ startMs: now, label })),
  ].sort((a, b) => a.startMs - b.startMs);
}

function report(run: Run, reporter: Reporter, now: number) {
  return reporter.report({
    atMs: now,
    set: run.set,
    totals: run.driver.totals(),
    thresholds: run.thresholds,
    annotations: annotations(run, now),
    hooks: run.hooks,
  });
}

function finish(run: Run, seed: number, wallMs: number, reporter: Reporter | undefined): LoadRunResult {
  const now = run.shell.now() - run.t0;
  run.chaos.finish(now);
  const verdict = thresholdVerdict(run.experiment.thresholds, run.registry, now, run.abortedBy);
  run.thresholds = verdict.results;
  if (reporter) run.options.onProgress?.(report(run, reporter, now));
  const summary = buildSummary(run.registry, { testRunDurationMs: now, verdict, annotations: annotations(run, now) });
  const canary = run.hooks.view?.();
  return {
    mode: run.shell.mode,
    seed,
    name: run.experiment.name,
    summary,
    passed: summary.passed,
    ...(run.stoppedBy ? { stoppedBy: run.stoppedBy } : {}),
    totals: run.driver.totals(),
    wallMs,
    ...(canary ? { canary } : {}),
    ...(run.breakingPoint ? { breakingPoint: run.breakingPoint } : {}),
  };
}
