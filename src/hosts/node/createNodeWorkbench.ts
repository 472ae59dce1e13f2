/**
 * The headless workbench for Node (integration tests, CLI, benchmarks): kernel and
 * runtime on the calling thread, agents in worker_threads.
 */
import { createKernel, type Kernel, type KernelOptions } from '../../kernel/kernel';
import { createSeededRng } from '../../kernel/rng';
import type { Clock } from '../../kernel/types';
import { createRealClock } from '../createRealClock';
import { createRuntime, LIVE_EVENT_LOG_CAPACITY, type Runtime } from '../createRuntime';
import { loadBuiltinKinds } from '../loadBuiltinKinds';
import type { WorkerPoolHost } from '../worker/createWorkerPoolHost';
import type { WorkbenchApi } from '../types';
import { createNodePoolHost } from './createNodePoolHost';
import { nodeAgentAssets } from './nodeAgentAssets';

export interface NodeWorkbenchOptions {
  /** Directory with manifest.json and the built-in .wasm files (default public/agents). */
  agentsDir?: string;
  /** Load only these built-in kinds (default: all). `[]` loads none. */
  kinds?: readonly string[];
  /** Shared agent workers (default min(4, cores)). */
  workers?: number;
  clock?: Clock;
  seed?: number;
  kernel?: Omit<KernelOptions, 'clock' | 'rng'>;
  /** Event batches to subscribers at most this often (default 0: next macrotask). */
  publishIntervalMs?: number;
  /** Events the kernel keeps for reading back (its `eventLogCapacity`; default LIVE_EVENT_LOG_CAPACITY). */
  logLimit?: number;
  watchdogIntervalMs?: number;
  /** Live agent instances across the shared workers (WorkerPoolOptions.liveInstances). */
  liveInstances?: number;
  /** False: agent workers talk by posts only, without the ring channel (for comparisons). */
  ring?: boolean;
}

export interface NodeWorkbench extends WorkbenchApi {
  runtime: Runtime;
  kernel: Kernel;
  host: WorkerPoolHost;
  dispose(): Promise<void>;
}

export async function createNodeWorkbench(options: NodeWorkbenchOptions = {}): Promise<NodeWorkbench> {
  const clock = options.clock ?? createRealClock();
  const kernel = createKernel({
    ...options.kernel,
    eventLogCapacity: options.logLimit ?? options.kernel?.eventLogCapacity ?? LIVE_EVENT_LOG_CAPACITY,
    clock,
    rng: createSeededRng(options.seed ?? 1),
  });
  const host = await createNodePoolHost({
    clock,
    ...(options.workers !== undefined ? { size: options.workers } : {}),
    ...(options.watchdogIntervalMs !== undefined ? { watchdogIntervalMs: options.watchdogIntervalMs } : {}),
    ...(options.liveInstances !== undefined ? { liveInstances: options.liveInstances } : {}),
    ...(options.ring !== undefined ? { ring: options.ring } : {}),
  });
  try {
    if (!options.kinds || options.kinds.length > 0) await loadBuiltinKinds(host, nodeAgentAssets(options.agentsDir), options.kinds);
  } catch (e) {
    await host.dispose();
    throw e;
  }
  const runtime = createRuntime({
    kernel,
    host,
    clock,
    publishIntervalMs: options.publishIntervalMs ?? 0,
  });
  return {
    runtime,
    kernel,
    host,
    command: runtime.command,
    send: runtime.send,
    request: runtime.request,
    kinds: runtime.kinds,
    registerComponent: runtime.registerComponent,
    snapshot: runtime.snapshot,
    inspect: runtime.inspect,
    subscribe: runtime.subscribe,
    dispose: runtime.dispose,
  };
}
