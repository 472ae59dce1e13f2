/**
 * An AgentHost that runs agents in a pool of workers (browser Workers or Node
 * worker_threads, through AgentWorkerHandle). Agents go to the least loaded worker;
 * `isolated` agents get one of their own (pool/workerPlacement). A watchdog reads each
 * worker's "handling since" slot in a SharedArrayBuffer and terminates a worker whose handle
 * overruns its deadline (pool/watchdog): the runaway is reported `deadline-exceeded`, its
 * neighbours `worker-terminated` bystanders (the kernel does not charge them). Kinds compile
 * once per module hash (pool/kindCache); effects go out in one batch per worker
 * (pool/performEffects).
 *
 * Live-instance budget and passivation: a Chromium renderer process (one tab: the kernel
 * worker, the compiler worker and every agent worker) can hold only ~124 WebAssembly
 * memories at once (V8 reserves ~8 GiB of address space per memory; declaring a maximum or
 * `shared` does not change it). So the shared workers split `liveInstances` (default 96,
 * leaving room for jco's and the compiler's memories) between them, and each passivates
 * its least recently used idle agents to stay within its share; a passive agent is made
 * again from the cached module and its kv on its next delivery (startAgentWorker explains
 * the rules). The kernel cannot tell: no events, same instance numbers. The one semantic
 * cost: state an agent keeps in wasm globals or linear memory, not in kv, is lost on
 * passivation as on a restart (agents/README.md). Node has no such process limit, but the
 * same default applies there, so tests and the CLI exercise the browser's behaviour;
 * `liveInstances: Infinity` turns passivation off. Isolated agents have a worker (and a
 * memory) each, outside the shared budget.
 */
import type { Clock, HostEvent } from '../../kernel/types';
import { compileComponent, type CompiledComponent } from '../../wasm/compileComponent';
import type { AgentHost } from '../types';
import { createKindCache } from './pool/kindCache';
import { performEffects, type PoolEffects } from './pool/performEffects';
import { collectStats, type WorkerPoolStats } from './pool/poolStats';
import { startWatchdog } from './pool/watchdog';
import { createWorkerPlacement } from './pool/workerPlacement';
import { crashEventsOf, startWorkerSlot, stopWorkerSlot, type Running, type WorkerSlot } from './pool/workerSlot';
import type { SpawnAgentWorker } from './transport';

export type { WorkerPoolStats } from './pool/poolStats';

export interface WorkerPoolOptions {
  spawnWorker: SpawnAgentWorker;
  /** Shared workers; default min(4, cores). Isolated agents get extra workers. */
  size?: number;
  clock?: Clock;
  /** Validate and transpile a component (default: in this thread). */
  compile?: (bytes: Uint8Array) => Promise<CompiledComponent>;
  watchdogIntervalMs?: number;
  /** Post compiled WebAssembly.Modules to workers (saves a compile per worker). */
  shareModules?: boolean;
  /**
   * Live agent instances the shared workers may hold at once, split evenly between them
   * (at least one each); idle agents beyond it are passivated. Default 96
   * (DEFAULT_LIVE_INSTANCES); Infinity: no passivation.
   */
  liveInstances?: number;
}

/** Under Chromium's ~124 WebAssembly memories per renderer process, with headroom. */
export const DEFAULT_LIVE_INSTANCES = 96;

export interface WorkerPoolHost extends AgentHost {
  /** For tests and diagnostics: which worker holds each agent. */
  placement(): Record<string, number>;
  workerCount(): number;
  /** Chaos and tests: terminate the worker holding `agent`; all its agents crash. */
  terminateWorkerOf(agent: string): boolean;
  /** Live instances, passivations and activations per worker (for the UI and benchmarks). */
  stats(): Promise<WorkerPoolStats>;
}

export function createWorkerPoolHost(options: WorkerPoolOptions): WorkerPoolHost {
  const size = Math.max(1, options.size ?? Math.min(4, hardwareConcurrency()));
  const liveInstances = options.liveInstances ?? DEFAULT_LIVE_INSTANCES;
  const perWorkerBudget = Number.isFinite(liveInstances) ? Math.max(1, Math.floor(liveInstances / size)) : Infinity;
  const clock = options.clock ?? { now: () => Date.now() };
  const kinds = createKindCache({
    compile: options.compile ?? ((bytes) => compileComponent(bytes)),
    shareModules: options.shareModules !== false,
  });
  const listeners = new Set<(events: HostEvent[]) => void>();
  let nextWorkerId = 1;
  let nextToken = 1;
  let disposed = false;

  const emit = (events: HostEvent[]) => {
    if (events.length === 0) return;
    for (const l of listeners) l(events);
  };

  const startWorker = (isolated: boolean): WorkerSlot =>
    startWorkerSlot({
      id: nextWorkerId++,
      spawnWorker: options.spawnWorker,
      isolated,
      clock,
      // An isolated worker holds one agent: nothing to passivate.
      instanceBudget: isolated ? Infinity : perWorkerBudget,
      onEvents: emit,
      onLost: (slot, reason) => retire(slot, reason),
    });
  const placement = createWorkerPlacement(size, startWorker);

  /**
   * Terminate a worker; every agent it held is reported crashed. `bystanders`: the worker
   * was terminated on purpose (for a runaway, or by request), so the others blame nothing.
   */
  function retire(slot: WorkerSlot, reason: string, runaway?: Running, bystanders = runaway !== undefined): void {
    if (slot.dead) return;
    stopWorkerSlot(slot);
    const events = crashEventsOf(slot, reason, runaway, bystanders);
    placement.retire(slot, !disposed);
    emit(events);
  }

  const stopWatchdog = startWatchdog(placement.all, options.watchdogIntervalMs ?? 25, (slot, runaway) =>
    retire(slot, 'deadline-exceeded', runaway),
  );

  const pool: PoolEffects = {
    kinds,
    placement,
    waitingSpawns: new Map(),
    nextToken: () => nextToken++,
    emit,
    perform: (effects) => performEffects(pool, effects),
  };

  return {
    registerKind: (kind, component, meta) => kinds.registerKind(kind, component, meta),
    kinds: () => kinds.kinds(),
    declareKind: (info, register) => kinds.declareKind(info, register),
    perform: pool.perform,
    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    placement: () => Object.fromEntries(Array.from(placement.entries(), ([agent, slot]) => [agent, slot.id])),
    workerCount: () => placement.all().filter((s) => !s.dead).length,
    stats: () =>
      collectStats(
        placement.all().filter((s) => !s.dead),
        liveInstances,
      ),
    terminateWorkerOf(agent) {
      const slot = placement.of(agent);
      if (!slot || slot.dead) return false;
      retire(slot, 'worker-terminated', undefined, true);
      return true;
    },
    async dispose() {
      disposed = true;
      stopWatchdog();
      for (const slot of placement.all()) stopWorkerSlot(slot);
      placement.clear();
      listeners.clear();
    },
  };
}

function hardwareConcurrency(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n > 0 ? n : 2;
}
