/** One agent placed in an agent worker: its instance (live or passive), queue, kv and faults. */
import type { AgentInstance } from '../../../wasm/createAgentKind';
import type { Delivery, WorkerEffect } from '../protocol';

export type SpawnEffect = Extract<WorkerEffect, { type: 'spawn' }>;
export type FaultEffect = Extract<WorkerEffect, { type: 'fault' }>;

export interface AgentSlot {
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
  /** The spawn's token, reported done when the first start ends; also the lane deliveries and sends name this instance by. */
  spawnToken: number;
  hash: string;
  /** init's argument, kept for activations. */
  config: string;
  memoryPages: number | undefined;
  /** Re-running init on activation: its sends, logs and timers are not repeated. */
  replaying: boolean;
  queue: Delivery[];
  kv: Map<string, string>;
  deadlineMs: number;
  /** Chaos faults (kernel `fault` effects): one-shot crash/hang, standing slow/skew. */
  crashNext: boolean;
  hangNext: boolean;
  slowMs: number;
  skewMs: number;
}

export function newAgentSlot(effect: SpawnEffect): AgentSlot {
  return {
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
}

export function applyFault(slot: AgentSlot, effect: FaultEffect): void {
  if (effect.fault === 'crash') slot.crashNext = true;
  else if (effect.fault === 'hang') slot.hangNext = true;
  else if (effect.fault === 'slow') slot.slowMs = Math.max(0, effect.ms ?? 0);
  else slot.skewMs = effect.ms ?? 0;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
