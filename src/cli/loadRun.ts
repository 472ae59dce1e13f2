/**
 * Runs a checked load experiment for `orrery load`: live (real wasm agents in worker
 * threads, real time) or in the deterministic simulation (the same agents in process,
 * virtual time). Only the kinds the file deploys are compiled. Ctrl-C once stops
 * gracefully, twice aborts; either way a result comes back.
 */
import type { Experiment } from '../experiments';
import type { LoadExperiment } from '../experiments/load/experiment';
import type { Recording } from '../experiments/replay/types';
import type { Contracts } from '../experiments/contracts/parseContract';
import type { LoadProgress, LoadRunHooks, LoadRunOptions, LoadRunResult } from '../experiments/load/run/types';
import { loadExperimentKinds } from './readLoadExperiment';

export interface LoadRunRequest {
  experiment: LoadExperiment;
  sim: boolean;
  seed?: number;
  chaos?: Experiment;
  hooks?: LoadRunHooks;
  onProgress(p: LoadProgress): void;
  /** Ctrl-C: the first stops, the second aborts. */
  stopSignal: AbortSignal;
  abortSignal: AbortSignal;
  /** Simulation only: record the run (the tape recorder on the kernel) and hand over its recording. */
  onRecording?(recording: Recording): void;
  /** Every message checked against these; the result counts the violations. */
  contracts?: Contracts;
}

function runOptions(r: LoadRunRequest): LoadRunOptions {
  return {
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    stopSignal: r.stopSignal,
    abortSignal: r.abortSignal,
    onProgress: r.onProgress,
    ...(r.hooks ? { hooks: r.hooks } : {}),
    ...(r.contracts ? { contracts: r.contracts } : {}),
    resolveChaos: (name) => (r.chaos?.name === name ? r.chaos : undefined),
  };
}

export async function runLoad(r: LoadRunRequest): Promise<LoadRunResult> {
  return r.sim ? runSimulated(r) : runLive(r);
}

async function runSimulated(r: LoadRunRequest): Promise<LoadRunResult> {
  const [{ createKindLibrary, loadLibraryKinds }, { nodeAgentAssets }, { runSimulatedLoadExperiment }] = await Promise.all([
    import('../hosts/inProcess'),
    import('../hosts/node/nodeAgentAssets'),
    import('../experiments/load/run'),
  ]);
  const library = createKindLibrary();
  await loadLibraryKinds(library, nodeAgentAssets(), loadExperimentKinds(r.experiment));
  if (!r.onRecording) return runSimulatedLoadExperiment(r.experiment, { ...runOptions(r), library });
  const { recordLoadSimulation } = await import('../experiments/replay/recordSimulation');
  const { result, recording } = await recordLoadSimulation(r.experiment, { ...runOptions(r), library });
  r.onRecording(recording);
  return result;
}

async function runLive(r: LoadRunRequest): Promise<LoadRunResult> {
  const [{ createNodeWorkbench }, { createRealClock }, { createRuntimeShell }, { runLoadExperiment }] = await Promise.all([
    import('../hosts/node/createNodeWorkbench'),
    import('../hosts/createRealClock'),
    import('../experiments/ExperimentShell'),
    import('../experiments/load/run'),
  ]);
  const clock = createRealClock();
  const seed = r.seed ?? r.experiment.seed;
  const workbench = await createNodeWorkbench({ kinds: loadExperimentKinds(r.experiment), clock, ...(seed !== undefined ? { seed } : {}) });
  try {
    const shell = createRuntimeShell({ runtime: workbench.runtime, kernel: workbench.kernel, clock, record: false });
    try {
      return await runLoadExperiment(shell, r.experiment, runOptions(r));
    } finally {
      shell.close();
    }
  } finally {
    await workbench.dispose();
  }
}

/** Ctrl-C handling for one run: the first interrupt stops, the second aborts; `release` restores the default. */
export function interruptControl(
  onInterrupt: ((listener: () => void) => () => void) | undefined,
  note: (text: string) => void,
): { stopSignal: AbortSignal; abortSignal: AbortSignal; release(): void } {
  const stop = new AbortController();
  const abort = new AbortController();
  const release =
    onInterrupt?.(() => {
      if (!stop.signal.aborted) {
        stop.abort();
        note('load: stopping: no new iterations, in-flight ones finish (Ctrl-C again to abort now)');
      } else if (!abort.signal.aborted) {
        abort.abort();
        note('load: aborting now');
      }
    }) ?? (() => {});
  return { stopSignal: stop.signal, abortSignal: abort.signal, release };
}
