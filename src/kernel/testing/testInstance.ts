/** The test workbench's inline agent instances: their context, their chaos faults, host timers. */
import type { JsonValue } from '../../protocol/message';
import type { Clock, Effect, HostEvent } from '../types';
import type { AgentBehavior, AgentContext } from './types';

export interface Instance {
  readonly name: string;
  readonly instance: number;
  readonly config: JsonValue;
  readonly kv: Map<string, string>;
  readonly behavior: AgentBehavior;
  readonly deadlineMs: number;
  alive: boolean;
  /** Chaos faults carried out by this inline host (see the kernel's `fault` effect). */
  crashNext: boolean;
  hangNext: boolean;
  slowMs: number;
  skewMs: number;
}

export function newInstance(name: string, effect: Extract<Effect, { type: 'spawn' }>, behavior: AgentBehavior | undefined): Instance {
  return {
    name,
    instance: effect.instance,
    config: effect.config,
    kv: new Map(Object.entries(effect.kv)),
    behavior: behavior ?? { handle: () => undefined },
    deadlineMs: effect.limits.deadlineMs,
    alive: true,
    crashNext: false,
    hangNext: false,
    slowMs: 0,
    skewMs: 0,
  };
}

export function applyFault(inst: Instance, effect: Extract<Effect, { type: 'fault' }>): void {
  if (effect.fault === 'crash') inst.crashNext = true;
  else if (effect.fault === 'hang') inst.hangNext = true;
  else if (effect.fault === 'slow') inst.slowMs = Math.max(0, effect.ms ?? 0);
  else inst.skewMs = effect.ms ?? 0;
}

/** What a handler sees; what it does becomes host events in `out`. */
export function contextFor(inst: Instance, out: HostEvent[], clock: Clock): AgentContext {
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
    now: () => clock.now() + inst.skewMs,
  };
}

/** The host's own timers (slow and hung handlers), fired by `tick` alongside the kernel's. */
export class HostTimers {
  private readonly items: { at: number; order: number; fn: () => void }[] = [];
  private order = 0;

  constructor(private readonly clock: Clock) {}

  after(ms: number, fn: () => void): void {
    this.items.push({ at: this.clock.now() + ms, order: this.order++, fn });
    this.items.sort((a, b) => a.at - b.at || a.order - b.order);
  }

  next(): number | undefined {
    return this.items[0]?.at;
  }

  fire(): void {
    this.items.shift()?.fn();
  }
}
