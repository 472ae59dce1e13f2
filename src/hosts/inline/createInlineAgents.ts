/**
 * Agent instances on the calling thread: the part of an inline host that spawns, delivers
 * to, kills and faults instances, with no opinion on *when*. The real-time inline host
 * (createInlineHost) and the deterministic simulation each put their own scheduler on top.
 *
 * The contract is the worker runtime's (src/hosts/worker/startAgentWorker.ts): the kernel
 * must not be able to tell the hosts apart, and src/hosts/hostConformance.int.test.ts runs
 * one list of scenarios against both. In particular:
 * - `init` that *returns* an error (or an instance that cannot be made) is
 *   `agent.init-failed`; a *trap* inside `init` is `agent.crashed` (no message blamed),
 *   which the kernel supervises like any crash.
 * - Faults (`fault` effects): crash and hang are one-shot for the next message; slow (wait
 *   before every handle) and clock-skew (added to now-ms) stand until an effect with
 *   `ms: 0` clears them. A fault for an instance whose spawn is still queued (the kernel
 *   re-sends standing faults right after every spawn) is kept and applied when that
 *   instance is made, as the worker does for a `loading` instance.
 * - Events a guest causes (sent, kv.set, log) come before the `handled` / `crashed` /
 *   `ready` of the call that caused them, also when the call traps.
 *
 * Deliberate, unavoidable differences (the thread is shared, so nothing may really spin):
 * - A hang is modelled: the scheduler holds the agent for its deadline, then the instance
 *   is reported crashed with `deadline-exceeded` (its message blamed), as the watchdog
 *   reports the runaway. A slow fault longer than the deadline is the same: the watchdog
 *   would cut the wait at the deadline. There are no `worker-terminated` bystanders (the
 *   worker pool also crashes every agent sharing the runaway's worker), and a slow or
 *   hanging agent does not delay other agents (in a shared worker it delays them all).
 * - Nothing watches `init`, and a guest that truly loops forever (spinner's `spin`) blocks
 *   the thread: run such agents in the worker-pool host.
 */
import type { AgentLimits, Effect, HostEvent, LogLevel } from '../../kernel/types';
import { AgentTrap, type AgentInstance, type HostBindings } from '../../wasm/createAgentKind';
import type { KindLibrary } from './createKindLibrary';

export type SpawnEffect = Extract<Effect, { type: 'spawn' }>;
export type DeliverEffect = Extract<Effect, { type: 'deliver' }>;
export type FaultEffect = Extract<Effect, { type: 'fault' }>;

/** What the next delivery to an instance will do, decided when it starts. */
export interface DeliveryPlan {
  mode: 'run' | 'crash' | 'hang';
  /** Extra handling time (slow fault); for a hang, the deadline. */
  extraMs: number;
}

export interface InlineAgents {
  /** Instantiates and runs init; resolves to ready / init-failed / crashed (after what init sent). */
  spawn(effect: SpawnEffect): Promise<HostEvent[]>;
  /** Decides the next delivery of the live instance (consuming one-shot faults). */
  plan(agent: string, instance: number): DeliveryPlan;
  /** Runs one delivery now (synchronously) according to its plan. Stale ones give []. */
  deliver(effect: DeliverEffect, plan?: DeliveryPlan): HostEvent[];
  kill(agent: string, instance: number): void;
  fault(effect: FaultEffect): void;
  /** The live instance of an agent and its limits, if any. */
  live(agent: string): { instance: number; limits: AgentLimits } | undefined;
  dispose(): void;
}

interface Slot {
  name: string;
  instance: number;
  limits: AgentLimits;
  kv: Map<string, string>;
  agent: AgentInstance | undefined;
  dead: boolean;
  skewMs: number;
  crashNext: boolean;
  hangNext: boolean;
  slowMs: number;
  /** Where the bindings put what the guest does during the current call. */
  out: HostEvent[];
}

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);

export function createInlineAgents(options: { library: KindLibrary; now: () => number }): InlineAgents {
  const { library, now } = options;
  const slots = new Map<string, Slot>();
  /** Faults for an instance not made yet (its spawn is queued), applied when it is. */
  const early = new Map<string, { instance: number; faults: FaultEffect[] }>();

  const current = (name: string, instance: number): Slot | undefined => {
    const s = slots.get(name);
    return s && s.instance === instance && !s.dead ? s : undefined;
  };

  function bindings(slot: Slot): HostBindings {
    const live = () => slots.get(slot.name) === slot && !slot.dead;
    const base = () => ({ agent: slot.name, instance: slot.instance });
    return {
      send: (m) => {
        if (live()) slot.out.push({ type: 'agent.sent', ...base(), message: m });
      },
      kvGet: (k) => slot.kv.get(k),
      kvSet: (k, v) => {
        if (!live()) return;
        slot.kv.set(k, v);
        slot.out.push({ type: 'kv.set', ...base(), key: k, value: v });
      },
      nowMs: () => now() + slot.skewMs,
      log: (level, text) => {
        if (live()) slot.out.push({ type: 'agent.log', ...base(), level: (LEVELS.has(level) ? level : 'info') as LogLevel, text });
      },
      onHostError: (fn, e) => {
        slot.out.push({ type: 'agent.log', ...base(), level: 'error', text: `host ${fn} failed: ${message(e)}` });
      },
    };
  }

  function take(slot: Slot): HostEvent[] {
    const out = slot.out;
    slot.out = [];
    return out;
  }

  return {
    async spawn(effect) {
      const previous = slots.get(effect.agent);
      if (previous && previous.instance > effect.instance) return [];
      const slot: Slot = {
        name: effect.agent,
        instance: effect.instance,
        limits: effect.limits,
        kv: new Map(Object.entries(effect.kv)),
        agent: undefined,
        dead: false,
        skewMs: 0,
        crashNext: false,
        hangNext: false,
        slowMs: 0,
        out: [],
      };
      slots.set(effect.agent, slot);
      const held = early.get(effect.agent);
      if (held !== undefined && held.instance <= effect.instance) {
        early.delete(effect.agent);
        if (held.instance === effect.instance) for (const f of held.faults) applyFault(slot, f);
      }
      const base = { agent: slot.name, instance: slot.instance };
      const kind = library.get(effect.kind);
      if (!kind) {
        slot.dead = true;
        const known = library.kinds().map((k) => k.kind).join(', ') || 'none';
        return [{ type: 'agent.init-failed', ...base, error: `unknown agent kind "${effect.kind}"; known kinds: ${known}` }];
      }
      let agent: AgentInstance;
      try {
        agent = await kind.instantiate(bindings(slot), { memoryPages: effect.limits.memoryPages });
      } catch (e) {
        if (slots.get(slot.name) !== slot) return [];
        slot.dead = true;
        return [{ type: 'agent.init-failed', ...base, error: message(e) }];
      }
      if (slots.get(slot.name) !== slot || slot.dead) return []; // killed while instantiating
      slot.agent = agent;
      let outcome;
      let trapped: string | undefined;
      try {
        outcome = agent.init(JSON.stringify(effect.config ?? null));
      } catch (e) {
        outcome = { ok: false as const, error: `trap during init: ${message(e)}` };
        if (e instanceof AgentTrap) trapped = outcome.error;
      }
      const events = take(slot);
      if (trapped !== undefined) {
        // A trap is a crash (the kernel supervises it); an error init returns is a failed start.
        slot.dead = true;
        events.push({ type: 'agent.crashed', ...base, reason: trapped });
      } else if (!outcome.ok) {
        slot.dead = true;
        events.push({ type: 'agent.init-failed', ...base, error: outcome.error });
      } else {
        events.push({ type: 'agent.ready', ...base });
      }
      return events;
    },

    plan(agent, instance) {
      const slot = current(agent, instance);
      if (!slot) return { mode: 'run', extraMs: 0 };
      const extraMs = slot.slowMs;
      if (slot.hangNext || extraMs > slot.limits.deadlineMs) {
        // The worker's watchdog counts the slow wait too: past the deadline it cuts it.
        slot.hangNext = false;
        return { mode: 'hang', extraMs: slot.limits.deadlineMs };
      }
      if (slot.crashNext) {
        slot.crashNext = false;
        return { mode: 'crash', extraMs };
      }
      return { mode: 'run', extraMs };
    },

    deliver(effect, plan = { mode: 'run', extraMs: 0 }) {
      const slot = current(effect.agent, effect.instance);
      if (!slot || !slot.agent) return [];
      const base = { agent: slot.name, instance: slot.instance };
      const messageId = effect.message.id;
      if (plan.mode !== 'run') {
        slot.dead = true;
        const reason = plan.mode === 'hang' ? 'deadline-exceeded' : 'trap: unreachable (injected crash)';
        return [{ type: 'agent.crashed', ...base, reason, messageId }];
      }
      try {
        const outcome = slot.agent.handle(JSON.stringify(effect.message));
        const events = take(slot);
        const handled: HostEvent = { type: 'agent.handled', ...base, messageId };
        if (!outcome.ok) handled.error = outcome.error;
        events.push(handled);
        return events;
      } catch (e) {
        slot.dead = true;
        const events = take(slot);
        const reason = e instanceof AgentTrap ? `trap: ${e.message}` : `host error: ${message(e)}`;
        events.push({ type: 'agent.crashed', ...base, reason, messageId });
        return events;
      }
    },

    kill(agent, instance) {
      if (early.get(agent)?.instance === instance) early.delete(agent);
      const slot = slots.get(agent);
      if (!slot || slot.instance !== instance) return;
      slot.dead = true;
      slots.delete(agent);
    },

    fault(effect) {
      const slot = slots.get(effect.agent);
      if (slot === undefined || slot.instance < effect.instance) {
        // Its spawn is still queued: keep the fault for that instance.
        let held = early.get(effect.agent);
        if (held === undefined || held.instance < effect.instance) early.set(effect.agent, (held = { instance: effect.instance, faults: [] }));
        if (held.instance === effect.instance) held.faults.push(effect);
        return;
      }
      if (slot.instance === effect.instance && !slot.dead) applyFault(slot, effect);
    },

    live(agent) {
      const slot = slots.get(agent);
      return slot && !slot.dead ? { instance: slot.instance, limits: slot.limits } : undefined;
    },

    dispose() {
      for (const slot of slots.values()) slot.dead = true;
      slots.clear();
      early.clear();
    },
  };
}

function applyFault(slot: Slot, effect: FaultEffect): void {
  switch (effect.fault) {
    case 'crash':
      slot.crashNext = true;
      return;
    case 'hang':
      slot.hangNext = true;
      return;
    case 'slow':
      slot.slowMs = Math.max(0, effect.ms ?? 0);
      return;
    case 'clock-skew':
      slot.skewMs = effect.ms ?? 0;
      return;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
