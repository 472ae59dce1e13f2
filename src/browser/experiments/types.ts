/** The experiments part of the kernel worker's API (see connectLab). */
import type { ExperimentResult, TimelineEntry } from '../../experiments/chaos/result';
import type { SwarmResult, SwarmRun } from '../../experiments/chaos/runSwarm';
import type { ContractFile } from '../../experiments/contracts/types';

export type RunMode = 'simulation' | 'live';

export interface RunRequest {
  mode: RunMode;
  /** Default: the experiment's seed, else 1. */
  seed?: number;
  /** The page's contracts: every message of the run checked, the result counts violations (`contracts`). */
  contracts?: ContractFile;
}

/** What a swarm's runs are given besides the seed. */
export interface SwarmRequest {
  contracts?: ContractFile;
}

/** One bucket of the metrics chart: requests sent in [t, t + bucketMs) relative to t0. */
export interface MetricsBucket {
  t: number;
  sent: number;
  /** Successful answers per second for requests sent in the bucket. */
  throughput: number;
  /** p95 request → first answer (ms); null when nothing was answered. */
  p95: number | null;
  failed: number;
}

export interface MetricsSeries {
  bucketMs: number;
  buckets: MetricsBucket[];
}

export type RunOutcome =
  | { ok: true; result: ExperimentResult; metrics: MetricsSeries }
  /** The experiment was invalid, its topology could not be built, or a run was already going. */
  | { ok: false; error: string; problems: string[] };

export type SwarmOutcome = { ok: true; swarm: SwarmResult } | { ok: false; error: string; problems: string[] };

export interface ExperimentsApi {
  run(experiment: unknown, request: RunRequest, onProgress?: (entry: TimelineEntry) => void): Promise<RunOutcome>;
  /** Stops the current run or swarm: the run still drains and is judged. */
  stop(): Promise<void>;
  /** Simulation only: one run per seed, in order. */
  swarm(
    experiment: unknown,
    seeds: readonly number[],
    onRun?: (run: SwarmRun, done: number, total: number) => void,
    request?: SwarmRequest,
  ): Promise<SwarmOutcome>;
}
