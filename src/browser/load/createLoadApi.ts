/**
 * Load experiments inside the kernel worker. Simulation: a fresh deterministic simulation per
 * run with the workbench's compiled wasm agents (virtual time: the same seed, the same figures
 * and log hash). Live: the runner against the running workbench, in real time, without
 * recording its events (an hour of load would not fit). One run at a time; stop lets what is
 * in flight finish, abort interrupts; both still end with a result.
 */
import type { Clock, KernelEvent, KernelSnapshot } from '../../kernel/types';
import type { Runtime } from '../../hosts/createRuntime';
import { createRuntimeShell } from '../../experiments/ExperimentShell';
import { parseExperiment } from '../../experiments/chaos/parseExperiment';
import type { Experiment } from '../../experiments/chaos/types';
import { LoadExperimentError, loadKindProblems, parseLoadExperiment } from '../../experiments/load/experiment';
import type { LoadExperiment } from '../../experiments/load/experiment/types';
import { canaryHooks } from '../../experiments/load/canary';
import { runLoadExperiment, runSimulatedLoadExperiment } from '../../experiments/load/run';
import type { LoadProgress, LoadRunOptions } from '../../experiments/load/run/types';
import type { CompiledKindLibrary } from '../createCompiledKindLibrary';
import { loadContracts } from '../../experiments/contracts/parseContract';
import { liveLoadExperiment, simulatedLoadExperiment } from './loadTopology';
import { createProgressThrottle } from './progressThrottle';
import { chaosResolver } from './resolveChaos';
import type { LoadApi, LoadOutcome, LoadRunRequest } from './types';

export interface LoadParts {
  runtime: Runtime;
  kernel: { snapshot(): KernelSnapshot; subscribe(listener: (event: KernelEvent) => void): () => void };
  clock: Clock;
  library: CompiledKindLibrary;
  /** The agent kinds the workbench knows. */
  kinds(): readonly string[];
}

type Failure = Extract<LoadOutcome, { ok: false }>;

function failure(e: unknown): Failure {
  if (e instanceof LoadExperimentError) return { ok: false, error: e.message.split('\n')[0]!, problems: e.problems };
  const problems = (e as { problems?: unknown } | null)?.problems;
  const message = e instanceof Error ? e.message : String(e);
  if (Array.isArray(problems) && problems.every((p) => typeof p === 'string'))
    return { ok: false, error: message.split('\n')[0]!, problems: problems as string[] };
  return { ok: false, error: message, problems: [] };
}

function savedChaos(list: readonly unknown[] = []): Experiment[] {
  return list.flatMap((e) => {
    try {
      return [parseExperiment(e)];
    } catch {
      return [];
    }
  });
}

/** The kinds a run deploys: the topology's agents, the kinds `agent.deploy` commands name, a canary's new version. */
function experimentKinds(experiment: LoadExperiment): string[] {
  const kinds = new Set((experiment.topology?.agents ?? []).map((a) => a.kind));
  for (const c of experiment.topology?.commands ?? []) if (c.type === 'agent.deploy') kinds.add(c.spec.kind);
  if (experiment.canary) kinds.add(experiment.canary.canary.kind);
  return [...kinds];
}

/** Kinds the workbench cannot spawn, each problem naming its field. */
function kindProblems(experiment: LoadExperiment, known: readonly string[]): string[] {
  const problems = loadKindProblems(experiment, known);
  const canary = experiment.canary?.canary.kind;
  if (canary !== undefined && !known.includes(canary))
    problems.push(
      `experiment.canary.canary.kind: expected a known agent kind (${[...known].sort().join(', ')}), received ${JSON.stringify(canary)}`,
    );
  return problems;
}

export function createLoadApi(parts: LoadParts): LoadApi {
  let current: { stop: AbortController; abort: AbortController } | null = null;

  async function execute(experiment: LoadExperiment, request: LoadRunRequest, options: LoadRunOptions) {
    if (request.mode === 'simulation') {
      const simulated = simulatedLoadExperiment(experiment, parts.kernel.snapshot());
      const unknown = kindProblems(simulated, parts.kinds());
      if (unknown.length > 0) throw new LoadExperimentError(unknown);
      await parts.library.prepare(experimentKinds(simulated));
      return runSimulatedLoadExperiment(simulated, { ...options, library: parts.library });
    }
    const live = liveLoadExperiment(experiment, parts.kernel.snapshot());
    const unknown = kindProblems(live, parts.kinds());
    if (unknown.length > 0) throw new LoadExperimentError(unknown);
    // Nothing recorded: the runner reads events as they come (an hour of load would not fit in memory).
    const shell = createRuntimeShell({ runtime: parts.runtime, clock: parts.clock, kernel: parts.kernel, record: false });
    try {
      return await runLoadExperiment(shell, live, options);
    } finally {
      shell.close();
    }
  }

  return {
    async run(file, request, onProgress): Promise<LoadOutcome> {
      if (current) return { ok: false, error: 'a load experiment is already running: stop it first', problems: [] };
      const control = (current = { stop: new AbortController(), abort: new AbortController() });
      const throttle = onProgress ? createProgressThrottle({ emit: onProgress }) : undefined;
      try {
        const experiment = parseLoadExperiment(file);
        const seed = (request.seed ?? experiment.seed ?? 1) >>> 0;
        const options: LoadRunOptions = {
          seed,
          stopSignal: control.stop.signal,
          abortSignal: control.abort.signal,
          resolveChaos: chaosResolver(savedChaos(request.chaos)),
          ...(experiment.canary ? { hooks: canaryHooks(experiment.canary, seed) } : {}),
          ...(throttle ? { onProgress: (p: LoadProgress) => throttle.push(p) } : {}),
          // Parsed here: a checker is functions, which do not cross to the worker.
          ...(request.contracts ? { contracts: loadContracts(request.contracts) } : {}),
        };
        const result = await execute(experiment, request, options);
        throttle?.flush();
        return { ok: true, result };
      } catch (e) {
        return failure(e);
      } finally {
        throttle?.close();
        current = null;
      }
    },
    async stop() {
      current?.stop.abort();
    },
    async abort() {
      current?.abort.abort();
    },
  };
}
