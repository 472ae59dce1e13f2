/**
 * Agent kinds from a KindLibrary (wasm components, or JS kinds registered with it) as
 * in-process agents of the single-thread shell (src/kernel/shell): the shell schedules,
 * carries out faults and keeps time; this adapter makes instances, calls them, and turns
 * what the guest does through its host imports into host events (send → agent.sent,
 * kv-set → kv.set, log → agent.log, set-timer → agent.timer).
 *
 * Same contract as the worker runtime (src/hosts/worker), checked by
 * src/hosts/hostConformance.int.test.ts: an error `init` returns (or an instance that cannot
 * be made) is `agent.init-failed`, a trap in `init` is `agent.crashed` with no message
 * blamed; what a call did comes before its `ready` / `handled` / `crashed`. Memory caps are
 * real (the wasm memory maximum traps the guest). On one thread nothing watches `init`, and
 * a guest that truly loops forever (spinner's `spin`) blocks the thread: run such agents in
 * the worker pool.
 */
import type { HostEvent, LogLevel } from '../../kernel';
import type { InProcessAgents, InProcessAgentsFactory, InProcessEnv, SpawnEffect } from '../../kernel/shell';
import { AgentTrap, type AgentInstance, type HostBindings } from '../../wasm/createAgentKind';
import type { KindLibrary } from './createKindLibrary';

interface Slot {
  name: string;
  instance: number;
  kv: Map<string, string>;
  agent: AgentInstance | undefined;
  dead: boolean;
  /** Where the bindings put what the guest does during the current call. */
  out: HostEvent[];
}

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);

/** In-process agents for the shell, made from `library`'s kinds. */
export function libraryAgents(library: KindLibrary): InProcessAgentsFactory {
  return (env) => createLibraryAgents(library, env);
}

export function createLibraryAgents(library: KindLibrary, env: InProcessEnv): InProcessAgents {
  const slots = new Map<string, Slot>();
  const current = (name: string, instance: number): Slot | undefined => {
    const s = slots.get(name);
    return s && s.instance === instance && !s.dead ? s : undefined;
  };

  return {
    async spawn(effect) {
      const previous = slots.get(effect.agent);
      if (previous && previous.instance > effect.instance) return [];
      const slot: Slot = {
        name: effect.agent,
        instance: effect.instance,
        kv: new Map(Object.entries(effect.kv)),
        agent: undefined,
        dead: false,
        out: [],
      };
      slots.set(effect.agent, slot);
      const base = { agent: slot.name, instance: slot.instance };
      const kind = library.get(effect.kind);
      if (!kind) {
        slot.dead = true;
        const known =
          library
            .kinds()
            .map((k) => k.kind)
            .join(', ') || 'none';
        return [{ type: 'agent.init-failed', ...base, error: `unknown agent kind "${effect.kind}"; known kinds: ${known}` }];
      }
      try {
        slot.agent = await kind.instantiate(bindings(slot, slots, env), { memoryPages: effect.limits.memoryPages });
      } catch (e) {
        if (slots.get(slot.name) !== slot) return [];
        slot.dead = true;
        return [{ type: 'agent.init-failed', ...base, error: message(e) }];
      }
      if (slots.get(slot.name) !== slot || slot.dead) return []; // killed while instantiating
      return init(slot, effect);
    },

    deliver(effect) {
      const slot = current(effect.agent, effect.instance);
      if (!slot || !slot.agent) return [];
      const base = { agent: slot.name, instance: slot.instance, messageId: effect.message.id };
      try {
        const outcome = slot.agent.handle(JSON.stringify(effect.message));
        const events = take(slot);
        events.push(outcome.ok ? { type: 'agent.handled', ...base } : { type: 'agent.handled', ...base, error: outcome.error });
        return events;
      } catch (e) {
        slot.dead = true;
        const events = take(slot);
        const reason = e instanceof AgentTrap ? `trap: ${e.message}` : `host error: ${message(e)}`;
        events.push({ type: 'agent.crashed', ...base, reason });
        return events;
      }
    },

    kill(agent, instance) {
      const slot = slots.get(agent);
      if (!slot || slot.instance !== instance) return;
      slot.dead = true;
      slots.delete(agent);
    },

    dispose() {
      for (const slot of slots.values()) slot.dead = true;
      slots.clear();
    },
  };
}

/** Runs init on a fresh instance: what it did, then ready, init-failed (returned) or crashed (trapped). */
function init(slot: Slot, effect: SpawnEffect): HostEvent[] {
  const base = { agent: slot.name, instance: slot.instance };
  let failure: HostEvent | undefined;
  try {
    const outcome = slot.agent!.init(JSON.stringify(effect.config ?? null));
    if (!outcome.ok) failure = { type: 'agent.init-failed', ...base, error: outcome.error };
  } catch (e) {
    const reason = `trap during init: ${message(e)}`;
    // A trap is a crash (the kernel supervises it); anything else thrown fails the start.
    failure = e instanceof AgentTrap ? { type: 'agent.crashed', ...base, reason } : { type: 'agent.init-failed', ...base, error: reason };
  }
  const events = take(slot);
  if (failure) slot.dead = true;
  events.push(failure ?? { type: 'agent.ready', ...base });
  return events;
}

function bindings(slot: Slot, slots: ReadonlyMap<string, Slot>, env: InProcessEnv): HostBindings {
  const live = () => slots.get(slot.name) === slot && !slot.dead;
  const base = { agent: slot.name, instance: slot.instance };
  return {
    send: (m) => {
      if (live()) slot.out.push({ type: 'agent.sent', ...base, message: m });
    },
    kvGet: (k) => slot.kv.get(k),
    kvSet: (k, v) => {
      if (!live()) return;
      slot.kv.set(k, v);
      slot.out.push({ type: 'kv.set', ...base, key: k, value: v });
    },
    nowMs: () => env.now(slot.name),
    log: (level, text) => {
      if (live()) slot.out.push({ type: 'agent.log', ...base, level: (LEVELS.has(level) ? level : 'info') as LogLevel, text });
    },
    setTimer: (delayMs, tag) => {
      if (live()) slot.out.push({ type: 'agent.timer', ...base, delayMs, tag });
    },
    onHostError: (fn, e) => {
      slot.out.push({ type: 'agent.log', ...base, level: 'error', text: `host ${fn} failed: ${message(e)}` });
    },
  };
}

function take(slot: Slot): HostEvent[] {
  const out = slot.out;
  slot.out = [];
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
