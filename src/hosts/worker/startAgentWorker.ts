/**
 * The agent-worker runtime, shared by browser Workers and Node worker_threads. It hosts
 * many agent instances, runs each agent's deliveries one at a time in order, and reports
 * what happened as host events in batches.
 *
 * Passivation (virtual actors, as in Orleans). A Chromium renderer process holds only
 * ~124 WebAssembly memories at once (V8 reserves ~8 GiB of address space per memory in a
 * ~1 TiB sandbox), shared by every worker of the tab. So each worker may hold at most
 * `instanceBudget` live instances (its share of the pool's budget). Agents keep their
 * durable state in the host kv (the SDK's rule) and this worker keeps each agent's kv, so
 * an idle agent's instance can be released and made again on demand:
 * - When an agent needs an instance (its first spawn, or a delivery to a passive agent)
 *   and the worker is at budget, the least recently used *idle* live agent is passivated:
 *   nothing queued, not handling, not instantiating. Its instance is released (a pooled
 *   memory goes back to the pool zeroed; see src/wasm/memoryPool.ts).
 * - If no agent is idle, the agent waits in FIFO order, holding no budget; every live
 *   agent drains its queue in the next pump and then becomes evictable, so nobody waits
 *   forever and nothing fails for want of budget.
 * - Activation = instantiate from the cached module with the agent's current kv, then
 *   init(config) again (standing faults, memory cap and deadline are kept in the slot, so
 *   they apply to the new instance). Sends and logs of that re-run init are dropped (the
 *   kernel saw the first ones); kv writes it makes are kept and reported. An out-of-memory
 *   instantiate passivates one more agent and retries once; failing again, the agent is
 *   reported `agent.crashed` with the reason.
 * - The kernel never hears of it: no events, same instance number. The one semantic cost
 *   (documented in agents/README.md): state kept in wasm globals or linear memory rather
 *   than kv does not survive passivation, exactly as it does not survive a restart.
 */
import type { HostEvent, LogLevel } from '../../kernel/types';
import { AgentTrap, createAgentKind, type AgentInstance, type AgentKind } from '../../wasm/createAgentKind';
import { createMemoryPool, type MemoryPool } from '../../wasm/memoryPool';
import type { AgentWorkerPort } from './transport';
import { WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow, type AgentWorkerStats, type ToAgentWorker, type WorkerEffect } from './protocol';

type SpawnEffect = Extract<WorkerEffect, { type: 'spawn' }>;
type DeliverEffect = Extract<WorkerEffect, { type: 'deliver' }>;
type FaultEffect = Extract<WorkerEffect, { type: 'fault' }>;

interface AgentSlot {
  name: string;
  instance: number;
  /** As the kernel sees it; a passive agent is `ready` with no `agent`. */
  status: 'loading' | 'ready' | 'dead';
  /** The live instance; undefined while loading, passive or dead. */
  agent: AgentInstance | undefined;
  /** Its share of the budget: `held` while instantiating or live, `waiting` in line for it. */
  lease: 'none' | 'waiting' | 'held';
  /** An instantiate (first start or activation) is under way. */
  instantiating: boolean;
  /** The spawn's token, reported done when the first start ends. */
  spawnToken: number;
  hash: string;
  /** init's argument, kept for activations. */
  config: string;
  memoryPages: number | undefined;
  /** Re-running init on activation: its sends and logs are not repeated. */
  replaying: boolean;
  queue: DeliverEffect[];
  kv: Map<string, string>;
  deadlineMs: number;
  /** Chaos faults (kernel `fault` effects): one-shot crash/hang, standing slow/skew. */
  crashNext: boolean;
  hangNext: boolean;
  slowMs: number;
  skewMs: number;
}

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);
/** Post events at least this often while draining a long queue (latency vs. batching). */
const FLUSH_EVERY = 512;

/** Memories the pool keeps when the budget is unlimited. */
const UNLIMITED_POOL = 256;

export function startAgentWorker(port: AgentWorkerPort): void {
  const kinds = new Map<string, Promise<AgentKind>>();
  const agents = new Map<string, AgentSlot>();
  const ready: AgentSlot[] = [];
  /** Slots holding a lease, least recently used first. */
  const live = new Map<AgentSlot, true>();
  /** Slots waiting for a lease, in arrival order. */
  const waiters = new Set<AgentSlot>();
  let budget = Infinity;
  let pool: MemoryPool = createMemoryPool({ limit: UNLIMITED_POOL });
  let peakLive = 0;
  let passivations = 0;
  let activations = 0;
  let events: HostEvent[] = [];
  let done: number[] = [];
  let clockBase = 0;
  let wallBase = wallNow();
  let wdInts: Int32Array | undefined;
  let wdFloats: Float64Array | undefined;
  let pumping = false;

  const emit = (e: HostEvent) => {
    events.push(e);
  };
  const flush = () => {
    if (events.length === 0 && done.length === 0) return;
    port.post({ t: 'events', events, done });
    events = [];
    done = [];
  };

  function watch(token: number, deadlineMs: number): void {
    if (!wdInts || !wdFloats) return;
    wdFloats[WD_STARTED] = wallNow();
    wdFloats[WD_DEADLINE] = deadlineMs;
    Atomics.store(wdInts, WD_TOKEN, token);
  }
  function unwatch(token: number): void {
    clearWatch();
    done.push(token);
  }
  function clearWatch(): void {
    if (wdInts) Atomics.store(wdInts, WD_TOKEN, 0);
  }

  function current(name: string, instance: number): AgentSlot | undefined {
    const slot = agents.get(name);
    return slot && slot.instance === instance ? slot : undefined;
  }

  function spawn(effect: SpawnEffect): void {
    const previous = agents.get(effect.agent);
    if (previous && previous.instance > effect.instance) return;
    if (previous) drop(previous);
    const slot: AgentSlot = {
      name: effect.agent,
      instance: effect.instance,
      status: 'loading',
      agent: undefined,
      lease: 'none',
      instantiating: false,
      spawnToken: effect.token,
      hash: effect.hash,
      config: JSON.stringify(effect.config ?? null),
      memoryPages: effect.limits.memoryPages,
      replaying: false,
      queue: [],
      kv: new Map(Object.entries(effect.kv)),
      deadlineMs: effect.limits.deadlineMs,
      crashNext: false,
      hangNext: false,
      slowMs: 0,
      skewMs: 0,
    };
    agents.set(effect.agent, slot);
    if (!kinds.has(effect.hash)) {
      slot.status = 'dead';
      done.push(effect.token);
      emit({ type: 'agent.init-failed', agent: slot.name, instance: slot.instance, error: `unknown kind ${effect.hash}: the host did not send it to this worker` });
      return;
    }
    acquire(slot);
  }

  // ─── The live-instance budget ──────────────────────────────────────────────

  function acquire(slot: AgentSlot): void {
    if (slot.lease !== 'none' || slot.status === 'dead') return;
    if (live.size < budget || evictOne(slot)) grant(slot);
    else {
      slot.lease = 'waiting';
      waiters.add(slot);
    }
  }

  function grant(slot: AgentSlot): void {
    slot.lease = 'held';
    live.set(slot, true);
    if (live.size > peakLive) peakLive = live.size;
    void bringUp(slot);
  }

  /** Hand freed budget to waiting agents, passivating idle ones as needed. */
  function serve(): void {
    for (const slot of waiters) {
      if (!(live.size < budget || evictOne(slot))) return;
      waiters.delete(slot);
      grant(slot);
    }
  }

  function evictable(slot: AgentSlot): boolean {
    return slot.status === 'ready' && slot.agent !== undefined && !slot.instantiating && slot.queue.length === 0;
  }

  /** Passivate the least recently used idle agent; false if none is idle. */
  function evictOne(except: AgentSlot): boolean {
    for (const slot of live.keys()) {
      if (slot === except || !evictable(slot)) continue;
      passivate(slot);
      return true;
    }
    return false;
  }

  function passivate(slot: AgentSlot): void {
    releaseInstance(slot);
    passivations++;
  }

  /** Drop the instance and give back the lease (or the place in line). */
  function releaseInstance(slot: AgentSlot): void {
    const agent = slot.agent;
    slot.agent = undefined;
    agent?.release?.();
    if (slot.lease === 'held') live.delete(slot);
    else if (slot.lease === 'waiting') waiters.delete(slot);
    slot.lease = 'none';
  }

  /** The slot is gone (killed, crashed, replaced): release everything it holds. */
  function drop(slot: AgentSlot): void {
    slot.status = 'dead';
    for (const d of slot.queue) done.push(d.token);
    slot.queue = [];
    releaseInstance(slot);
  }

  function touch(slot: AgentSlot): void {
    if (slot.lease !== 'held') return;
    live.delete(slot);
    live.set(slot, true);
  }

  /** Instantiate (first start or activation) and run init; the slot holds a lease. */
  async function bringUp(slot: AgentSlot): Promise<void> {
    const first = slot.status === 'loading';
    slot.instantiating = true;
    let agent: AgentInstance | undefined;
    let failure: string | undefined;
    try {
      agent = await instantiate(slot);
    } catch (e) {
      failure = message(e);
    }
    slot.instantiating = false;
    if (current(slot.name, slot.instance) !== slot || slot.status === 'dead') {
      // Killed or replaced meanwhile: its lease went with it.
      agent?.release?.();
      if (first) done.push(slot.spawnToken);
      serve();
      pump();
      return;
    }
    if (!agent) {
      drop(slot);
      if (first) {
        done.push(slot.spawnToken);
        emit({ type: 'agent.init-failed', agent: slot.name, instance: slot.instance, error: failure ?? 'instantiation failed' });
      } else {
        emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason: `could not activate the passivated agent: ${failure ?? 'instantiation failed'}` });
      }
      serve();
      pump();
      return;
    }
    slot.agent = agent;
    if (!first) activations++;
    // A first start is watched under its spawn token; an activation under the delivery
    // that asked for it, so a runaway init blames that message.
    const token = first ? slot.spawnToken : (slot.queue[0]?.token ?? 0);
    if (token !== 0) watch(token, slot.deadlineMs);
    let outcome;
    let trapped: string | undefined;
    slot.replaying = !first;
    try {
      outcome = agent.init(slot.config);
    } catch (e) {
      outcome = { ok: false as const, error: `trap during init: ${message(e)}` };
      if (e instanceof AgentTrap) trapped = outcome.error;
    } finally {
      slot.replaying = false;
    }
    if (first) unwatch(token);
    else clearWatch();
    if (trapped !== undefined) {
      // A trap is a crash (the kernel supervises it); an error init returns is a failed start.
      drop(slot);
      emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason: trapped });
    } else if (!outcome.ok) {
      drop(slot);
      if (first) emit({ type: 'agent.init-failed', agent: slot.name, instance: slot.instance, error: outcome.error });
      else emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason: `init failed on re-activation: ${outcome.error}` });
    } else {
      if (first) {
        slot.status = 'ready';
        emit({ type: 'agent.ready', agent: slot.name, instance: slot.instance });
      }
      if (slot.queue.length > 0) ready.push(slot);
    }
    pump();
  }

  /** Instantiate from the cached module; out of memory, passivate one more and retry once. */
  async function instantiate(slot: AgentSlot): Promise<AgentInstance> {
    const kind = await kinds.get(slot.hash)!;
    const make = () => kind.instantiate(bindings(slot), { memoryPages: slot.memoryPages, pool });
    try {
      return await make();
    } catch (e) {
      if (!isOutOfMemory(e) || !evictOne(slot)) throw e;
      return await make();
    }
  }

  function bindings(slot: AgentSlot) {
    const isCurrent = () => current(slot.name, slot.instance) === slot;
    return {
      send: (m: string) => {
        if (isCurrent() && !slot.replaying) emit({ type: 'agent.sent', agent: slot.name, instance: slot.instance, message: m });
      },
      kvGet: (k: string) => slot.kv.get(k),
      kvSet: (k: string, v: string) => {
        if (!isCurrent()) return;
        if (slot.replaying && slot.kv.get(k) === v) return;
        slot.kv.set(k, v);
        emit({ type: 'kv.set', agent: slot.name, instance: slot.instance, key: k, value: v });
      },
      nowMs: () => clockBase + (wallNow() - wallBase) + slot.skewMs,
      log: (level: string, text: string) => {
        if (!isCurrent() || slot.replaying) return;
        const l = (LEVELS.has(level) ? level : 'info') as LogLevel;
        emit({ type: 'agent.log', agent: slot.name, instance: slot.instance, level: l, text });
      },
      onHostError: (fn: string, e: unknown) => {
        emit({ type: 'agent.log', agent: slot.name, instance: slot.instance, level: 'error', text: `host ${fn} failed: ${message(e)}` });
      },
    };
  }

  function deliver(effect: DeliverEffect): void {
    const slot = current(effect.agent, effect.instance);
    if (!slot || slot.status === 'dead') {
      done.push(effect.token);
      return;
    }
    slot.queue.push(effect);
    if (slot.status !== 'ready') return;
    if (slot.agent) {
      if (slot.queue.length === 1) ready.push(slot);
    } else acquire(slot); // passive: activate (or wait for budget)
  }

  function fault(effect: FaultEffect): void {
    const slot = current(effect.agent, effect.instance);
    if (!slot || slot.status === 'dead') return;
    if (effect.fault === 'crash') slot.crashNext = true;
    else if (effect.fault === 'hang') slot.hangNext = true;
    else if (effect.fault === 'slow') slot.slowMs = Math.max(0, effect.ms ?? 0);
    else slot.skewMs = effect.ms ?? 0;
  }

  function kill(agent: string, instance: number): void {
    const slot = current(agent, instance);
    if (!slot) return;
    drop(slot);
    agents.delete(agent);
  }

  /** Runs ready agents' queues; each agent's deliveries strictly in order. */
  function pump(): void {
    if (pumping) return;
    pumping = true;
    try {
      let sinceFlush = 0;
      while (ready.length > 0) {
        const slot = ready.shift()!;
        touch(slot);
        while (slot.status === 'ready' && slot.agent && slot.queue.length > 0 && current(slot.name, slot.instance) === slot) {
          const d = slot.queue.shift()!;
          handleOne(slot, d);
          if (++sinceFlush >= FLUSH_EVERY) {
            flush();
            sinceFlush = 0;
          }
        }
      }
      // Every live agent is idle now: hand the budget to agents waiting for it.
      serve();
    } finally {
      pumping = false;
      flush();
    }
  }

  function handleOne(slot: AgentSlot, d: DeliverEffect): void {
    const agent = slot.agent!;
    watch(d.token, slot.deadlineMs);
    try {
      if (slot.slowMs > 0) pause(slot.slowMs);
      if (slot.crashNext) {
        slot.crashNext = false;
        throw new AgentTrap('unreachable (injected crash)');
      }
      if (slot.hangNext) {
        slot.hangNext = false;
        spin(slot.deadlineMs, wdInts !== undefined);
      }
      const outcome = agent.handle(d.message);
      const handled: HostEvent = { type: 'agent.handled', agent: slot.name, instance: slot.instance, messageId: d.messageId };
      if (!outcome.ok) handled.error = outcome.error;
      emit(handled);
    } catch (e) {
      drop(slot);
      const reason = e instanceof HangTimeout ? 'deadline-exceeded' : e instanceof AgentTrap ? `trap: ${e.message}` : `host error: ${message(e)}`;
      emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason, messageId: d.messageId });
    } finally {
      unwatch(d.token);
    }
  }

  port.onMessage((msg: ToAgentWorker) => {
    switch (msg.t) {
      case 'init':
        clockBase = msg.clockBase;
        wallBase = msg.wallBase;
        if (msg.watchdog) {
          wdInts = new Int32Array(msg.watchdog, 0, 2);
          wdFloats = new Float64Array(msg.watchdog, 0, 3);
        }
        if (msg.instanceBudget !== undefined && msg.instanceBudget > 0) {
          budget = Math.floor(msg.instanceBudget) || Infinity;
          if (Number.isFinite(budget)) pool = createMemoryPool({ limit: budget });
        }
        return;
      case 'stats': {
        const stats: AgentWorkerStats = {
          agents: agents.size,
          live: live.size,
          peakLive,
          budget,
          passivations,
          activations,
          waiting: waiters.size,
          memories: pool.stats(),
        };
        port.post({ t: 'stats', id: msg.id, stats });
        return;
      }
      case 'kind': {
        const modules = msg.modules ? new Map(msg.modules) : undefined;
        const kind = createAgentKind(msg.compiled, modules);
        kind.catch(() => undefined);
        kinds.set(msg.compiled.hash, kind);
        return;
      }
      case 'effects':
        for (const e of msg.effects) {
          if (e.type === 'spawn') spawn(e);
          else if (e.type === 'deliver') deliver(e);
          else if (e.type === 'fault') fault(e);
          else kill(e.agent, e.instance);
        }
        pump();
        return;
    }
  });
}

/** The slow fault: this thread sleeps (Atomics.wait where allowed, else a busy wait). */
function pause(ms: number): void {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return;
  } catch {
    const until = wallNow() + ms;
    while (wallNow() < until) {
      // busy wait: no SharedArrayBuffer here
    }
  }
}

/**
 * The hang fault: spin as a runaway guest would, until the watchdog terminates this
 * worker. Without a watchdog (no SharedArrayBuffer) nothing would, so give up after the
 * deadline and report it as the watchdog would have.
 */
function spin(deadlineMs: number, watched: boolean): void {
  const start = wallNow();
  for (;;) {
    if (!watched && wallNow() - start > deadlineMs) throw new HangTimeout();
  }
}

class HangTimeout extends Error {}

/** V8: "WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance", "could not allocate memory". */
function isOutOfMemory(e: unknown): boolean {
  return e instanceof RangeError || /out of memory|could not allocate memory|cannot allocate wasm memory/i.test(message(e));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
