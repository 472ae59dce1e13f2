/** The load part of the kernel worker's API (see connectLab). */
import type { ContractFile } from '../../experiments/contracts/types';
import type { LoadProgress, LoadRunMode, LoadRunResult } from '../../experiments/load/run/types';

export interface LoadRunRequest {
  mode: LoadRunMode;
  /** Default: the file's seed, else 1. */
  seed?: number;
  /** Chaos experiments saved on the page, for a file's `chaos.experiment` (the shipped examples are known already). */
  chaos?: readonly unknown[];
  /** The page's contracts: every message of the run checked, the result counts violations (`contracts`). */
  contracts?: ContractFile;
}

export type LoadOutcome =
  | { ok: true; result: LoadRunResult }
  /** The file was invalid, the system could not be built, or a run was already going: `problems` name the fields. */
  | { ok: false; error: string; problems: string[] };

export interface LoadApi {
  /** Progress arrives at most ~4 times a second, each carrying only the new series points. */
  run(file: unknown, request: LoadRunRequest, onProgress?: (progress: LoadProgress) => void): Promise<LoadOutcome>;
  /** No new iterations; those in flight finish (gracefulStop); the run still ends with a result. */
  stop(): Promise<void>;
  /** Interrupts now; the run still ends with a result. */
  abort(): Promise<void>;
}
