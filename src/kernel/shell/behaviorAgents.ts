/**
 * JS behaviours as in-process agents: plain functions that get the message as an object and
 * a context (send, reply, kv, log, now, setTimer). The kernel's unit tests model agents
 * with them. Same contract as a wasm guest: `init` returning a string fails the start, a
 * throw in `init` is a trap (a crash, supervised); `handle` returning a string is a guest
 * error (→ `not-understood`), a throw is a crash.
 */
import type { AclMessage, JsonValue } from '../../protocol/message';
import type { HostEvent, LogLevel } from '../index';
import type { InProcessAgents, InProcessAgentsFactory, InProcessEnv, SpawnEffect } from './inProcessAgents';

export interface AgentContext {
  readonly name: string;
  readonly instance: number;
  readonly config: JsonValue;
  /** Like the guest's `send` import: an untrusted draft (object or JSON text). */
  send(draft: unknown): void;
  /** Sends to `message.sender`, answering its reply_with in the same conversation. */
  reply(message: AclMessage, draft: { performative: string; content?: JsonValue; [field: string]: unknown }): void;
  readonly kv: { get(key: string): string | undefined; set(key: string, value: string): void };
  log(level: LogLevel, text: string): void;
  now(): number;
  /** Like the guest's `set-timer` import: a wake-up message to itself after `delayMs` of kernel time. */
  setTimer(delayMs: number, tag: string): void;
}

/** Return a string to report a handling error (→ `not-understood`); throw to crash. */
export type AgentHandler = (message: AclMessage, ctx: AgentContext) => void | string;

export interface AgentBehavior {
  /** Return a string (or throw) to fail initialisation. */
  init?: (ctx: AgentContext) => void | string;
  handle: AgentHandler;
}

export interface BehaviorAgents {
  readonly factory: InProcessAgentsFactory;
  register(kind: string, behavior: AgentHandler | AgentBehavior): void;
}

interface Instance {
  name: string;
  instance: number;
  config: JsonValue;
  kv: Map<string, string>;
  behavior: AgentBehavior;
}

export function createBehaviorAgents(kinds: Record<string, AgentHandler | AgentBehavior> = {}): BehaviorAgents {
  const behaviors = new Map<string, AgentBehavior>();
  const register = (kind: string, behavior: AgentHandler | AgentBehavior): void => {
    behaviors.set(kind, typeof behavior === 'function' ? { handle: behavior } : behavior);
  };
  for (const [kind, behavior] of Object.entries(kinds)) register(kind, behavior);
  return { register, factory: (env) => behaviorAgents(behaviors, env) };
}

function behaviorAgents(behaviors: ReadonlyMap<string, AgentBehavior>, env: InProcessEnv): InProcessAgents {
  const instances = new Map<string, Instance>();
  const current = (agent: string, instance: number) => {
    const inst = instances.get(agent);
    return inst?.instance === instance ? inst : undefined;
  };

  return {
    spawn(effect) {
      const base = { agent: effect.agent, instance: effect.instance };
      const behavior = behaviors.get(effect.kind);
      if (!behavior) return [{ type: 'agent.init-failed', ...base, error: `unknown kind "${effect.kind}"` }];
      const inst = newInstance(effect, behavior);
      instances.set(effect.agent, inst);
      const out: HostEvent[] = [];
      try {
        const error = behavior.init?.(contextFor(inst, out, env));
        out.push(typeof error === 'string' ? { type: 'agent.init-failed', ...base, error } : { type: 'agent.ready', ...base });
      } catch (thrown) {
        // A throw is a trap during init (a crash, supervised); a returned string is init's error.
        instances.delete(effect.agent);
        out.push({ type: 'agent.crashed', ...base, reason: `trap during init: ${describe(thrown)}` });
      }
      return out;
    },
    deliver(effect) {
      const inst = current(effect.agent, effect.instance);
      if (!inst) return [];
      const base = { agent: inst.name, instance: inst.instance, messageId: effect.message.id };
      const out: HostEvent[] = [];
      try {
        const error = inst.behavior.handle(effect.message, contextFor(inst, out, env));
        out.push(typeof error === 'string' ? { type: 'agent.handled', ...base, error } : { type: 'agent.handled', ...base });
      } catch (thrown) {
        instances.delete(inst.name);
        out.push({ type: 'agent.crashed', ...base, reason: describe(thrown) });
      }
      return out;
    },
    kill(agent, instance) {
      if (current(agent, instance)) instances.delete(agent);
    },
  };
}

function newInstance(effect: SpawnEffect, behavior: AgentBehavior): Instance {
  return { name: effect.agent, instance: effect.instance, config: effect.config, kv: new Map(Object.entries(effect.kv)), behavior };
}

/** What a handler sees; what it does becomes host events in `out`. */
function contextFor(inst: Instance, out: HostEvent[], env: InProcessEnv): AgentContext {
  const base = { agent: inst.name, instance: inst.instance };
  return {
    name: inst.name,
    instance: inst.instance,
    config: inst.config,
    send: (draft) => void out.push({ type: 'agent.sent', ...base, message: draft }),
    reply: (message, draft) => {
      const answer: Record<string, unknown> = { receiver: message.sender, ...draft };
      if (message.reply_with !== undefined) answer.in_reply_to = message.reply_with;
      if (message.conversation_id !== undefined) answer.conversation_id = message.conversation_id;
      out.push({ type: 'agent.sent', ...base, message: answer });
    },
    kv: {
      get: (key) => inst.kv.get(key),
      set: (key, value) => {
        inst.kv.set(key, value);
        out.push({ type: 'kv.set', ...base, key, value });
      },
    },
    log: (level, text) => void out.push({ type: 'agent.log', ...base, level, text }),
    now: () => env.now(inst.name),
    setTimer: (delayMs, tag) => void out.push({ type: 'agent.timer', ...base, delayMs, tag }),
  };
}

function describe(thrown: unknown): string {
  return String((thrown as Error | undefined)?.message ?? thrown);
}
