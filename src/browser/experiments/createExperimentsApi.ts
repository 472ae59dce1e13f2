/**
 * Experiments inside the kernel worker. Simulation: a fresh deterministic simulation per
 * run (kernel + the workbench's compiled wasm agents on this thread, virtual clock), so a
 * seed reproduces its log hash. Live: the same runner against the running workbench
 * (createRuntimeShell), in real time. One run or swarm at a time.
 */
import type { Clock, KernelEvent, KernelSnapshot } from '../../kernel/types';
import type { Runtime } from '../../hosts/createRuntime';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { createRuntimeShell } from '../../experiments/ExperimentShell';
import { ExperimentSchemaError, parseExperiment } from '../../experiments/chaos/parseExperiment';
import { ExperimentSetupError, runExperiment } from '../../experiments/chaos/runExperiment';
import { runSimulatedExperiment } from '../../experiments/chaos/runSimulatedExperiment';
import { runSwarm } from '../../experiments/chaos/runSwarm';
import type { Experiment } from '../../experiments/chaos/types';
import type { ExperimentResult } from '../../experiments/chaos/result';
import { loadContracts, type Contracts } from '../../experiments/contracts/parseContract';
import type { ContractFile } from '../../experiments/contracts/types';
import { liveExperiment } from './liveTopology';
import { metricSeries } from './metricSeries';
import type { ExperimentsApi, MetricsSeries, RunOutcome, SwarmOutcome } from './types';

export interface ExperimentParts {
  runtime: Runtime;
  kernel: { snapshot(): KernelSnapshot; subscribe(listener: (event: KernelEvent) => void): () => void };
  clock: Clock;
  library: CompiledKindLibrary;
}

type Failure = { ok: false; error: string; problems: string[] };

function failure(e: unknown): Failure {
  if (e instanceof ExperimentSchemaError || e instanceof ExperimentSetupError)
    return { ok: false, error: e.message.split('\n')[0]!, problems: e.problems };
  return { ok: false, error: e instanceof Error ? e.message : String(e), problems: [] };
}

/** The page's contract file, parsed in the worker (a function cannot cross to it); refused whole with every problem. */
const contractsOf = (file: ContractFile | undefined): { contracts?: Contracts } => (file ? { contracts: loadContracts(file) } : {});

export function createExperimentsApi(parts: ExperimentParts): ExperimentsApi {
  let current: AbortController | null = null;

  const begin = (): AbortController | Failure => {
    if (current) return { ok: false, error: 'an experiment is already running: stop it first', problems: [] };
    return (current = new AbortController());
  };

  function seriesOf(experiment: Experiment, log: readonly KernelEvent[], result: ExperimentResult): MetricsSeries {
    return metricSeries(
      log,
      experiment.workload.clients.map((c) => c.client),
      result.t0,
      result.end,
    );
  }

  return {
    async run(input, request, onProgress): Promise<RunOutcome> {
      const control = begin();
      if (!(control instanceof AbortController)) return control;
      try {
        const experiment = parseExperiment(input);
        const seed = (request.seed ?? experiment.seed ?? 1) >>> 0;
        const contracts = contractsOf(request.contracts);
        if (request.mode === 'simulation') {
          await parts.library.prepare(experiment.topology.agents.map((a) => a.kind));
          let log: readonly KernelEvent[] = [];
          const result = await runSimulatedExperiment(experiment, {
            seed,
            library: parts.library,
            signal: control.signal,
            ...(onProgress ? { onProgress } : {}),
            ...contracts,
            onLog: (l) => (log = l),
          });
          return { ok: true, result, metrics: seriesOf(experiment, log, result) };
        }
        const live = liveExperiment(experiment, parts.kernel.snapshot());
        const shell = createRuntimeShell(parts);
        try {
          const result = await runExperiment(shell, live, {
            seed,
            signal: control.signal,
            ...(onProgress ? { onProgress } : {}),
            ...contracts,
          });
          return { ok: true, result, metrics: seriesOf(experiment, shell.log(), result) };
        } finally {
          shell.close();
        }
      } catch (e) {
        return failure(e);
      } finally {
        current = null;
      }
    },

    async stop() {
      current?.abort();
    },

    async swarm(input, seeds, onRun, request): Promise<SwarmOutcome> {
      const control = begin();
      if (!(control instanceof AbortController)) return control;
      try {
        const experiment = parseExperiment(input);
        const contracts = contractsOf(request?.contracts);
        await parts.library.prepare(experiment.topology.agents.map((a) => a.kind));
        const swarm = await runSwarm(experiment.name, {
          seeds,
          signal: control.signal,
          run: (seed) => runSimulatedExperiment(experiment, { seed, library: parts.library, signal: control.signal, ...contracts }),
          ...(onRun ? { onRun } : {}),
        });
        return { ok: true, swarm };
      } catch (e) {
        return failure(e);
      } finally {
        current = null;
      }
    },
  };
}
