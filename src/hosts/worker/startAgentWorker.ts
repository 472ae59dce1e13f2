/**
 * The agent-worker runtime, shared by browser Workers and Node worker_threads. It hosts
 * many agent instances, runs each agent's deliveries one at a time in order, and reports
 * what happened as host events in batches.
 */
import type { HostEvent, LogLevel } from '../../kernel/types';
import { AgentTrap, createAgentKind, type AgentInstance, type AgentKind } from '../../wasm/createAgentKind';
import type { AgentWorkerPort } from './transport';
import { WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow, type ToAgentWorker, type WorkerEffect } from './protocol';

type SpawnEffect = Extract<WorkerEffect, { type: 'spawn' }>;
type DeliverEffect = Extract<WorkerEffect, { type: 'deliver' }>;
type FaultEffect = Extract<WorkerEffect, { type: 'fault' }>;

interface AgentSlot {
  name: string;
  instance: number;
  status: 'loading' | 'ready' | 'dead';
  agent: AgentInstance | undefined;
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

export function startAgentWorker(port: AgentWorkerPort): void {
  const kinds = new Map<string, Promise<AgentKind>>();
  const agents = new Map<string, AgentSlot>();
  const ready: AgentSlot[] = [];
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
    if (wdInts) Atomics.store(wdInts, WD_TOKEN, 0);
    done.push(token);
  }

  function current(name: string, instance: number): AgentSlot | undefined {
    const slot = agents.get(name);
    return slot && slot.instance === instance ? slot : undefined;
  }

  function spawn(effect: SpawnEffect): void {
    const previous = agents.get(effect.agent);
    if (previous && previous.instance > effect.instance) return;
    const slot: AgentSlot = {
      name: effect.agent,
      instance: effect.instance,
      status: 'loading',
      agent: undefined,
      queue: [],
      kv: new Map(Object.entries(effect.kv)),
      deadlineMs: effect.limits.deadlineMs,
      crashNext: false,
      hangNext: false,
      slowMs: 0,
      skewMs: 0,
    };
    agents.set(effect.agent, slot);
    const kind = kinds.get(effect.hash);
    const fail = (error: string) => {
      if (current(slot.name, slot.instance) !== slot) return;
      slot.status = 'dead';
      emit({ type: 'agent.init-failed', agent: slot.name, instance: slot.instance, error });
      unwatchIfOwned(effect.token);
      flush();
    };
    if (!kind) {
      done.push(effect.token);
      fail(`unknown kind ${effect.hash}: the host did not send it to this worker`);
      return;
    }
    kind
      .then((k) => k.instantiate(bindings(slot), { memoryPages: effect.limits.memoryPages }))
      .then(
        (agent) => {
          if (current(slot.name, slot.instance) !== slot) {
            done.push(effect.token);
            return;
          }
          slot.agent = agent;
          watch(effect.token, slot.deadlineMs);
          let outcome;
          let trapped: string | undefined;
          try {
            outcome = agent.init(JSON.stringify(effect.config ?? null));
          } catch (e) {
            outcome = { ok: false as const, error: `trap during init: ${message(e)}` };
            if (e instanceof AgentTrap) trapped = outcome.error;
          }
          unwatch(effect.token);
          if (trapped !== undefined) {
            // A trap is a crash (the kernel supervises it); an error init returns is a failed start.
            slot.status = 'dead';
            emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason: trapped });
          } else if (!outcome.ok) {
            slot.status = 'dead';
            emit({ type: 'agent.init-failed', agent: slot.name, instance: slot.instance, error: outcome.error });
          } else {
            slot.status = 'ready';
            emit({ type: 'agent.ready', agent: slot.name, instance: slot.instance });
            if (slot.queue.length > 0) ready.push(slot);
          }
          pump();
        },
        (e: unknown) => {
          done.push(effect.token);
          fail(message(e));
        },
      );
  }

  function unwatchIfOwned(token: number): void {
    if (wdInts && Atomics.load(wdInts, WD_TOKEN) === token) Atomics.store(wdInts, WD_TOKEN, 0);
  }

  function bindings(slot: AgentSlot) {
    const live = () => current(slot.name, slot.instance) === slot;
    return {
      send: (m: string) => {
        if (live()) emit({ type: 'agent.sent', agent: slot.name, instance: slot.instance, message: m });
      },
      kvGet: (k: string) => slot.kv.get(k),
      kvSet: (k: string, v: string) => {
        if (!live()) return;
        slot.kv.set(k, v);
        emit({ type: 'kv.set', agent: slot.name, instance: slot.instance, key: k, value: v });
      },
      nowMs: () => clockBase + (wallNow() - wallBase) + slot.skewMs,
      log: (level: string, text: string) => {
        if (!live()) return;
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
    if (slot.status === 'ready' && slot.queue.length === 1) ready.push(slot);
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
    slot.status = 'dead';
    for (const d of slot.queue) done.push(d.token);
    slot.queue = [];
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
        while (slot.status === 'ready' && slot.queue.length > 0 && current(slot.name, slot.instance) === slot) {
          const d = slot.queue.shift()!;
          handleOne(slot, d);
          if (++sinceFlush >= FLUSH_EVERY) {
            flush();
            sinceFlush = 0;
          }
        }
      }
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
      slot.status = 'dead';
      for (const q of slot.queue) done.push(q.token);
      slot.queue = [];
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
        return;
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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
