/**
 * An AgentHost that runs agents in a pool of workers (browser Workers or Node
 * worker_threads, through AgentWorkerHandle). Agents go to the least loaded worker;
 * `isolated` agents get one of their own. A watchdog reads each worker's "handling since"
 * slot in a SharedArrayBuffer and terminates a worker whose handle overruns its deadline.
 */
import type { AgentLimits, Clock, Effect, HostEvent } from '../../kernel/types';
import type { AgentHost, KindInfo } from '../types';
import { compileComponent, type CompiledComponent } from '../../wasm/compileComponent';
import { hashBytes } from '../../wasm/hashBytes';
import { WATCHDOG_BYTES, WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow, type WorkerEffect } from './protocol';
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
}

export function createWorkerPoolHost(options: WorkerPoolOptions): WorkerPoolHost {
  const size = Math.max(1, options.size ?? Math.min(4, hardwareConcurrency()));
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
      for (const token of msg.done) slot.running.delete(token);
      emit(msg.events);
    });
    handle.onExit((reason) => {
      if (!slot.dead) retire(slot, `worker-exited: ${reason}`);
    });
    handle.post({ t: 'init', watchdog: sab, clockBase: clock.now(), wallBase: wallNow() });
    return slot;
  }

  /** Terminate a worker; every agent it held is reported crashed. */
  function retire(slot: WorkerSlot, reason: string, runaway?: Running): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.handle.terminate();
    const events: HostEvent[] = [];
    for (const [agent, instance] of slot.agents) {
      if (placement.get(agent) === slot) placement.delete(agent);
      if (runaway && runaway.agent === agent && runaway.instance === instance) {
        const e: HostEvent = { type: 'agent.crashed', agent, instance, reason: 'deadline-exceeded' };
        if (runaway.messageId !== undefined) e.messageId = runaway.messageId;
        events.push(e);
      } else {
        events.push({ type: 'agent.crashed', agent, instance, reason: runaway ? 'worker-terminated' : reason });
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

    terminateWorkerOf(agent) {
      const slot = placement.get(agent);
      if (!slot || slot.dead) return false;
      retire(slot, 'worker-terminated');
      return true;
    },

    async dispose() {
      disposed = true;
      if (watchdog) clearInterval(watchdog);
      for (const slot of allSlots()) {
        slot.dead = true;
        slot.handle.terminate();
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
