/** One agent worker as the pool sees it: its handle, what it holds, what runs, its watchdog slot. */
import type { Clock, HostEvent } from '../../../kernel/types';
import { WATCHDOG_BYTES, wallNow, type AgentWorkerStats } from '../protocol';
import type { AgentWorkerHandle, SpawnAgentWorker } from '../transport';

/** A spawn or delivery handed to a worker and not reported done yet. */
export interface Running {
  token: number;
  agent: string;
  instance: number;
  messageId?: string;
}

export interface WorkerSlot {
  id: number;
  handle: AgentWorkerHandle;
  isolated: boolean;
  /** agent name → instance living here */
  agents: Map<string, number>;
  /** Module hashes already sent to this worker. */
  kinds: Set<string>;
  running: Map<number, Running>;
  /** Pending stats() requests to this worker. */
  statsWaiters: Map<number, (stats: AgentWorkerStats | undefined) => void>;
  wdInts: Int32Array | undefined;
  wdFloats: Float64Array | undefined;
  dead: boolean;
}

export interface StartWorkerOptions {
  id: number;
  spawnWorker: SpawnAgentWorker;
  isolated: boolean;
  clock: Clock;
  /** Live instances this worker may hold (Infinity: no passivation). */
  instanceBudget: number;
  /** What the worker's agents did. */
  onEvents(events: HostEvent[]): void;
  /** The worker failed or exited on its own. */
  onLost(slot: WorkerSlot, reason: string): void;
}

export function startWorkerSlot(options: StartWorkerOptions): WorkerSlot {
  const handle = options.spawnWorker();
  const sab = typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(WATCHDOG_BYTES) : undefined;
  const slot: WorkerSlot = {
    id: options.id,
    handle,
    isolated: options.isolated,
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
    if (msg.t === 'fatal') return options.onLost(slot, `worker-failed: ${msg.error}`);
    if (msg.t === 'stats') {
      slot.statsWaiters.get(msg.id)?.(msg.stats);
      slot.statsWaiters.delete(msg.id);
      return;
    }
    for (const token of msg.done) slot.running.delete(token);
    if (msg.events.length > 0) options.onEvents(msg.events);
  });
  handle.onExit((reason) => {
    if (!slot.dead) options.onLost(slot, `worker-exited: ${reason}`);
  });
  handle.post({ t: 'init', watchdog: sab, clockBase: options.clock.now(), wallBase: wallNow(), instanceBudget: options.instanceBudget });
  return slot;
}

/** Terminates the worker and answers its pending stats requests with nothing. */
export function stopWorkerSlot(slot: WorkerSlot): void {
  slot.dead = true;
  slot.handle.terminate();
  for (const resolve of slot.statsWaiters.values()) resolve(undefined);
  slot.statsWaiters.clear();
}

/**
 * What a terminated worker's agents report: the runaway (if any) `deadline-exceeded` with its
 * message blamed; the others `worker-terminated` bystanders when the termination was on
 * purpose, or crashed with `reason` when the worker died on its own.
 */
export function crashEventsOf(slot: WorkerSlot, reason: string, runaway: Running | undefined, bystanders: boolean): HostEvent[] {
  const events: HostEvent[] = [];
  for (const [agent, instance] of slot.agents) {
    if (runaway && runaway.agent === agent && runaway.instance === instance) {
      const e: HostEvent = { type: 'agent.crashed', agent, instance, reason: 'deadline-exceeded' };
      if (runaway.messageId !== undefined) e.messageId = runaway.messageId;
      events.push(e);
    } else {
      events.push({
        type: 'agent.crashed',
        agent,
        instance,
        reason: runaway ? 'worker-terminated' : reason,
        ...(bystanders ? { bystander: true } : {}),
      });
    }
  }
  return events;
}
