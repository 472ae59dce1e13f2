/**
 * An AgentHost that runs agents in a pool of workers (browser Workers or Node
 * worker_threads, through AgentWorkerHandle). Agents go to the least loaded worker;
 * `isolated` agents get one of their own. A watchdog reads each worker's "handling since"
 * slot in a SharedArrayBuffer and terminates a worker whose handle overruns its deadline.
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
import type { AgentLimits, Clock, Effect, HostEvent } from '../../kernel/types';
import type { AgentHost, KindInfo } from '../types';
import { compileComponent, type CompiledComponent } from '../../wasm/compileComponent';
import { hashBytes } from '../../wasm/hashBytes';
import { WATCHDOG_BYTES, WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow, type AgentWorkerStats, type WorkerEffect } from './protocol';
import type { AgentWorkerHandle, SpawnAgentWorker } from './transport';

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

/** WorkerPoolHost.stats(): counters of every worker that answered. */
export interface WorkerPoolStats {
  /** The shared workers' total budget (`liveInstances`). */
  liveInstances: number;
  workers: Array<AgentWorkerStats & { id: number; isolated: boolean }>;
  /** Sums over the workers. */
  live: number;
  passivations: number;
  activations: number;
}

interface RegisteredKind {
  info: KindInfo;
  compiled: CompiledComponent;
  modules: Array<[string, WebAssembly.Module]> | undefined;
}

interface Running {
  token: number;
  agent: string;
  instance: number;
  messageId?: string;
}

interface WorkerSlot {
  id: number;
  handle: AgentWorkerHandle;
  isolated: boolean;
  /** agent name → instance living here */
  agents: Map<string, number>;
  kinds: Set<string>;
  running: Map<number, Running>;
  /** Pending stats() requests to this worker. */
  statsWaiters: Map<number, (stats: AgentWorkerStats | undefined) => void>;
  wdInts: Int32Array | undefined;
  wdFloats: Float64Array | undefined;
  dead: boolean;
}

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
  let nextStatsId = 1;
  const clock = options.clock ?? { now: () => Date.now() };
  const compile = options.compile ?? ((bytes: Uint8Array) => compileComponent(bytes));
  const kinds = new Map<string, RegisteredKind>();
  /** Declared kinds not compiled yet: compiled on their first spawn. */
  const declared = new Map<string, { info: KindInfo; register: () => Promise<KindInfo>; pending?: Promise<KindInfo> }>();
  /**
   * Spawns waiting for their kind to compile, by agent, with the faults sent for that
   * instance meanwhile (applied right after the spawn); a kill cancels both.
   */
  const waitingSpawns = new Map<string, { instance: number; faults: Effect[] }>();
  const byHash = new Map<string, Promise<RegisteredKind['compiled']>>();
  const listeners = new Set<(events: HostEvent[]) => void>();
  const shared: Array<WorkerSlot | undefined> = new Array(size).fill(undefined);
  const isolated = new Map<string, WorkerSlot>();
  const placement = new Map<string, WorkerSlot>();
  const canWatch = typeof SharedArrayBuffer === 'function';
  let nextWorkerId = 1;
  let nextToken = 1;
  let disposed = false;

  const emit = (events: HostEvent[]) => {
    if (events.length === 0) return;
    for (const l of listeners) l(events);
  };

  function startWorker(isolatedWorker: boolean): WorkerSlot {
    const handle = options.spawnWorker();
    const sab = canWatch ? new SharedArrayBuffer(WATCHDOG_BYTES) : undefined;
    const slot: WorkerSlot = {
      id: nextWorkerId++,
      handle,
      isolated: isolatedWorker,
      agents: new Map(),
      kinds: new Set(),
      running: new Map(),
      statsWaiters: new Map(),
      wdInts: sab ? new Int32Array(sab, 0, 2) : undefined,
      wdFloats: sab ? new Float64Array(sab, 0, 3) : undefined,
      dead: false,
    };
    handle.onMessage((msg) => {
      if (slot.dead) return;
      if (msg.t === 'fatal') {
        retire(slot, `worker-failed: ${msg.error}`);
        return;
      }
      if (msg.t === 'stats') {
        slot.statsWaiters.get(msg.id)?.(msg.stats);
        slot.statsWaiters.delete(msg.id);
        return;
      }
      for (const token of msg.done) slot.running.delete(token);
      emit(msg.events);
    });
    handle.onExit((reason) => {
      if (!slot.dead) retire(slot, `worker-exited: ${reason}`);
    });
    handle.post({
      t: 'init',
      watchdog: sab,
      clockBase: clock.now(),
      wallBase: wallNow(),
      // An isolated worker holds one agent: nothing to passivate.
      instanceBudget: isolatedWorker ? Infinity : perWorkerBudget,
    });
    return slot;
  }

  /**
   * Terminate a worker; every agent it held is reported crashed. `bystanders`: the worker
   * was terminated on purpose (for a runaway, or by request), so the others blame nothing.
   */
  function retire(slot: WorkerSlot, reason: string, runaway?: Running, bystanders = runaway !== undefined): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.handle.terminate();
    for (const resolve of slot.statsWaiters.values()) resolve(undefined);
    slot.statsWaiters.clear();
    const events: HostEvent[] = [];
    for (const [agent, instance] of slot.agents) {
      if (placement.get(agent) === slot) placement.delete(agent);
      if (runaway && runaway.agent === agent && runaway.instance === instance) {
        const e: HostEvent = { type: 'agent.crashed', agent, instance, reason: 'deadline-exceeded' };
        if (runaway.messageId !== undefined) e.messageId = runaway.messageId;
        events.push(e);
      } else {
        events.push({ type: 'agent.crashed', agent, instance, reason: runaway ? 'worker-terminated' : reason, ...(bystanders ? { bystander: true } : {}) });
      }
    }
    const index = shared.indexOf(slot);
    // A fresh worker takes the place at once so respawns need not wait for a start.
    if (index >= 0) shared[index] = disposed ? undefined : startWorker(false);
    for (const [agent, s] of isolated) if (s === slot) isolated.delete(agent);
    emit(events);
  }

  const watchdog = canWatch
    ? setInterval(() => {
        const now = wallNow();
        for (const slot of allSlots()) {
          if (slot.dead || !slot.wdInts || !slot.wdFloats) continue;
          const token = Atomics.load(slot.wdInts, WD_TOKEN);
          if (token === 0) continue;
          const started = slot.wdFloats[WD_STARTED]!;
          const deadline = slot.wdFloats[WD_DEADLINE]!;
          if (now - started <= deadline) continue;
          if (Atomics.load(slot.wdInts, WD_TOKEN) !== token) continue;
          const runaway = slot.running.get(token);
          retire(slot, 'deadline-exceeded', runaway ?? { token, agent: '', instance: -1 });
        }
      }, options.watchdogIntervalMs ?? 25)
    : undefined;
  (watchdog as { unref?: () => void } | undefined)?.unref?.();

  function allSlots(): WorkerSlot[] {
    const out: WorkerSlot[] = [];
    for (const s of shared) if (s) out.push(s);
    for (const s of isolated.values()) out.push(s);
    return out;
  }

  function leastLoaded(): WorkerSlot {
    let best = -1;
    let bestLoad = Infinity;
    for (let i = 0; i < shared.length; i++) {
      const s = shared[i];
      const load = s ? s.agents.size : 0;
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    let slot = shared[best];
    if (!slot) {
      slot = startWorker(false);
      shared[best] = slot;
    }
    return slot;
  }

  function register(kind: string, compiled: CompiledComponent, meta: Partial<KindInfo>): RegisteredKind {
    const info: KindInfo = {
      kind,
      label: meta.label ?? kind,
      description: meta.description ?? '',
      hash: compiled.hash,
      bytes: compiled.bytes,
      builtin: meta.builtin ?? false,
      ...(meta.role ? { role: meta.role } : {}),
      ...(meta.language ? { language: meta.language } : {}),
    };
    let modules: Array<[string, WebAssembly.Module]> | undefined;
    const entry: RegisteredKind = { info, compiled, modules };
    kinds.set(kind, entry);
    if (options.shareModules !== false) {
      // Compile once here; workers reuse these for the module's own memory maximum.
      void Promise.all(
        compiled.coreModules.map(async (m) => [m.name, await WebAssembly.compile(m.bytes as Uint8Array<ArrayBuffer>)] as [string, WebAssembly.Module]),
      ).then(
        (mods) => {
          modules = mods;
          entry.modules = mods;
        },
        () => undefined,
      );
    }
    return entry;
  }

  const host: WorkerPoolHost = {
    async registerKind(kind, component, meta = {}) {
      const hash = await hashBytes(component);
      let compiled = byHash.get(hash);
      if (!compiled) {
        compiled = compile(component);
        byHash.set(hash, compiled);
        compiled.catch(() => byHash.delete(hash));
      }
      const entry = register(kind, await compiled, meta);
      return entry.info;
    },

    kinds: () => [
      ...Array.from(kinds.values(), (k) => k.info),
      ...Array.from(declared.values(), (d) => d.info).filter((info) => !kinds.has(info.kind)),
    ],

    declareKind(info, register) {
      if (!kinds.has(info.kind)) declared.set(info.kind, { info, register });
    },

    perform(effects: readonly Effect[]) {
      const batches = new Map<WorkerSlot, WorkerEffect[]>();
      const failed: HostEvent[] = [];
      const out = (slot: WorkerSlot) => {
        let batch = batches.get(slot);
        if (!batch) batches.set(slot, (batch = []));
        return batch;
      };
      for (const effect of effects) {
        switch (effect.type) {
          case 'spawn': {
            const kind = kinds.get(effect.kind);
            const lazy = kind ? undefined : declared.get(effect.kind);
            if (lazy) {
              // Compile on first use, then spawn. The kernel delivers nothing before
              // agent.ready, so nothing can overtake this spawn.
              lazy.pending ??= lazy.register();
              const waiting = { instance: effect.instance, faults: [] as Effect[] };
              waitingSpawns.set(effect.agent, waiting);
              lazy.pending.then(
                () => {
                  if (waitingSpawns.get(effect.agent) !== waiting) return; // killed or respawned meanwhile
                  waitingSpawns.delete(effect.agent);
                  host.perform([effect, ...waiting.faults]);
                },
                (e: unknown) => {
                  lazy.pending = undefined;
                  emit([{ type: 'agent.init-failed', agent: effect.agent, instance: effect.instance, error: e instanceof Error ? e.message : String(e) }]);
                },
              );
              break;
            }
            if (!kind) {
              failed.push({
                type: 'agent.init-failed',
                agent: effect.agent,
                instance: effect.instance,
                error: `unknown agent kind "${effect.kind}"; known kinds: ${[...kinds.keys()].join(', ') || 'none'}`,
              });
              break;
            }
            const slot = placeFor(effect.agent, effect.isolated);
            if (!slot.kinds.has(kind.info.hash)) {
              // Flush what is queued first so `kind` precedes the spawn on the wire.
              flushBatch(slot, batches);
              const msg = kind.modules
                ? { t: 'kind' as const, compiled: kind.compiled, modules: kind.modules }
                : { t: 'kind' as const, compiled: kind.compiled };
              slot.handle.post(msg);
              slot.kinds.add(kind.info.hash);
            }
            const token = nextToken++;
            slot.agents.set(effect.agent, effect.instance);
            placement.set(effect.agent, slot);
            slot.running.set(token, { token, agent: effect.agent, instance: effect.instance });
            out(slot).push({
              type: 'spawn',
              token,
              agent: effect.agent,
              instance: effect.instance,
              hash: kind.info.hash,
              config: effect.config,
              limits: effect.limits as AgentLimits,
              kv: effect.kv,
            });
            break;
          }
          case 'deliver': {
            const slot = placement.get(effect.agent);
            if (!slot || slot.agents.get(effect.agent) !== effect.instance) break;
            const token = nextToken++;
            slot.running.set(token, { token, agent: effect.agent, instance: effect.instance, messageId: effect.message.id });
            out(slot).push({
              type: 'deliver',
              token,
              agent: effect.agent,
              instance: effect.instance,
              messageId: effect.message.id,
              message: JSON.stringify(effect.message),
            });
            break;
          }
          case 'kill': {
            if (waitingSpawns.get(effect.agent)?.instance === effect.instance) waitingSpawns.delete(effect.agent);
            const slot = placement.get(effect.agent);
            if (!slot || slot.agents.get(effect.agent) !== effect.instance) break;
            out(slot).push({ type: 'kill', agent: effect.agent, instance: effect.instance });
            slot.agents.delete(effect.agent);
            placement.delete(effect.agent);
            if (slot.isolated) {
              flushBatch(slot, batches);
              isolated.delete(effect.agent);
              slot.dead = true;
              slot.handle.terminate();
            }
            break;
          }
          case 'fault': {
            const waiting = waitingSpawns.get(effect.agent);
            if (waiting?.instance === effect.instance) {
              waiting.faults.push(effect);
              break;
            }
            const slot = placement.get(effect.agent);
            if (!slot || slot.agents.get(effect.agent) !== effect.instance) break;
            const fault: WorkerEffect = { type: 'fault', agent: effect.agent, instance: effect.instance, fault: effect.fault };
            if (effect.ms !== undefined) fault.ms = effect.ms;
            out(slot).push(fault);
            break;
          }
          default:
            break;
        }
      }
      for (const slot of batches.keys()) flushBatch(slot, batches);
      if (failed.length > 0) queueMicrotask(() => emit(failed));
    },

    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    placement() {
      const out: Record<string, number> = {};
      for (const [agent, slot] of placement) out[agent] = slot.id;
      return out;
    },

    workerCount: () => allSlots().filter((s) => !s.dead).length,

    async stats() {
      const slots = allSlots().filter((s) => !s.dead);
      const answers = await Promise.all(
        slots.map(
          (slot) =>
            new Promise<(AgentWorkerStats & { id: number; isolated: boolean }) | undefined>((resolve) => {
              const id = nextStatsId++;
              // A worker busy in a long handle answers late: do not wait for it forever.
              const timer = setTimeout(() => {
                slot.statsWaiters.delete(id);
                resolve(undefined);
              }, 2000);
              slot.statsWaiters.set(id, (stats) => {
                clearTimeout(timer);
                resolve(stats ? { ...stats, id: slot.id, isolated: slot.isolated } : undefined);
              });
              slot.handle.post({ t: 'stats', id });
            }),
        ),
      );
      const workers = answers.filter((a): a is NonNullable<typeof a> => a !== undefined);
      return {
        liveInstances,
        workers,
        live: workers.reduce((n, w) => n + w.live, 0),
        passivations: workers.reduce((n, w) => n + w.passivations, 0),
        activations: workers.reduce((n, w) => n + w.activations, 0),
      };
    },

    terminateWorkerOf(agent) {
      const slot = placement.get(agent);
      if (!slot || slot.dead) return false;
      retire(slot, 'worker-terminated', undefined, true);
      return true;
    },

    async dispose() {
      disposed = true;
      if (watchdog) clearInterval(watchdog);
      for (const slot of allSlots()) {
        slot.dead = true;
        slot.handle.terminate();
        for (const resolve of slot.statsWaiters.values()) resolve(undefined);
        slot.statsWaiters.clear();
      }
      shared.fill(undefined);
      isolated.clear();
      placement.clear();
      listeners.clear();
    },
  };
  return host;

  function placeFor(agent: string, wantsIsolation: boolean): WorkerSlot {
    const current = placement.get(agent);
    if (current && !current.dead && current.isolated === wantsIsolation) return current;
    if (current) current.agents.delete(agent);
    if (!wantsIsolation) return leastLoaded();
    const slot = startWorker(true);
    isolated.set(agent, slot);
    return slot;
  }

  function flushBatch(slot: WorkerSlot, batches: Map<WorkerSlot, WorkerEffect[]>): void {
    const batch = batches.get(slot);
    if (!batch || batch.length === 0) return;
    batches.set(slot, []);
    if (!slot.dead) slot.handle.post({ t: 'effects', effects: batch });
  }
}

function hardwareConcurrency(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n > 0 ? n : 2;
}
