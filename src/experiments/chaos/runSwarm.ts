/**
 * Swarm testing: one experiment over many seeds. Lists the failing seeds with their
 * failing checks; re-running a seed reproduces it exactly (same hash) in the simulation.
 */
import type { ExperimentResult, FailedCheck } from './result';

export interface SwarmRun {
  seed: number;
  pass: boolean;
  hash: string;
  failures: FailedCheck[];
  errors: string[];
  wallMs: number;
  counts: ExperimentResult['counts'];
  /** When the runs were given contracts. */
  contracts?: ExperimentResult['contracts'];
}

export interface SwarmResult {
  experiment: string;
  runs: SwarmRun[];
  failingSeeds: number[];
  passed: number;
  failed: number;
  wallMs: number;
}

export interface SwarmOptions {
  /** Seeds to run: a list, or `count` seeds from `from` (default 1). */
  seeds: readonly number[] | { from?: number; count: number };
  /** Runs one seed (e.g. seed => runSimulatedExperiment(exp, {seed, library})). */
  run: (seed: number) => Promise<ExperimentResult>;
  onRun?: (run: SwarmRun, done: number, total: number) => void;
  /** Stop after this many failing seeds. */
  maxFailures?: number;
  signal?: AbortSignal;
  wallClock?: () => number;
}

export function seedList(seeds: SwarmOptions['seeds']): number[] {
  if (Array.isArray(seeds)) return [...(seeds as readonly number[])];
  const { from = 1, count } = seeds as { from?: number; count: number };
  return Array.from({ length: Math.max(0, count) }, (_, i) => (from + i) >>> 0);
}

export async function runSwarm(name: string, options: SwarmOptions): Promise<SwarmResult> {
  const wall = options.wallClock ?? (() => performance.now());
  const start = wall();
  const seeds = seedList(options.seeds);
  const runs: SwarmRun[] = [];
  let failed = 0;
  for (const seed of seeds) {
    if (options.signal?.aborted) break;
    const r = await options.run(seed);
    const run: SwarmRun = { seed, pass: r.pass, hash: r.hash, failures: r.failures, errors: r.errors, wallMs: r.wallMs, counts: r.counts };
    if (r.contracts) run.contracts = r.contracts;
    runs.push(run);
    if (!r.pass) failed++;
    options.onRun?.(run, runs.length, seeds.length);
    if (options.maxFailures !== undefined && failed >= options.maxFailures) break;
  }
  return {
    experiment: name,
    runs,
    failingSeeds: runs.filter((r) => !r.pass).map((r) => r.seed),
    passed: runs.length - failed,
    failed,
    wallMs: wall() - start,
  };
}

/** Re-runs one seed and says whether it reproduced the recorded run byte for byte. */
export async function reproduce(
  run: Pick<SwarmRun, 'seed' | 'hash'>,
  again: (seed: number) => Promise<ExperimentResult>,
): Promise<{ result: ExperimentResult; reproduced: boolean }> {
  const result = await again(run.seed);
  return { result, reproduced: result.hash === run.hash };
}
