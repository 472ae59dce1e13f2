/** One agent worker as the pool sees it: its handle, what it holds, what runs, its watchdog slot. */
import type { Clock, HostEvent } from '../../../kernel/types';
import { WATCHDOG_BYTES, bareBatch, wallNow, wireMessage, type AgentWorkerStats, type WireBatch } from '../protocol';
import type { AgentWorkerHandle, SpawnAgentWorker } from '../transport';
import { EffectsWriter } from '../wire/effectsWire';
import { PostGate } from './postGate';
import { ChurnMap } from '../../../kernel/state/churnMap';
import { transferList } from '../wire/bytes';
import { readEvents, type EventsVisitor } from '../wire/eventsWire';

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
  /** lane (the spawn's token) → the agent instance it names on the wire, and back. */
  lanes: Map<number, { agent: string; instance: number }>;
  laneOf: Map<string, number>;
  /** Effects written for this worker and not posted yet (see flushEffects). */
  outgoing: EffectsWriter;
  /** When `outgoing` is posted. */
  gate: PostGate;
  /** Module hashes already sent to this worker. */
  kinds: Set<string>;
  running: ChurnMap<number, Running>;
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
    lanes: new Map(),
    laneOf: new Map(),
    outgoing: new EffectsWriter(),
    gate: new PostGate(() => postOutgoing(slot)),
    kinds: new Set(),
    running: new ChurnMap(),
    statsWaiters: new Map(),
    wdInts: sab ? new Int32Array(sab, 0, 2) : undefined,
    wdFloats: sab ? new Float64Array(sab, 0, 3) : undefined,
    dead: false,
  };
  const reader = new HostEventsReader(slot);
  handle.onMessage((msg) => {
    if (slot.dead) return;
    if (!('t' in msg)) return answered(slot, reader, bareBatch(msg), options);
    if (msg.t === 'fatal') return options.onLost(slot, `worker-failed: ${msg.error}`);
    if (msg.t === 'stats') {
      slot.statsWaiters.get(msg.id)?.(msg.stats);
      slot.statsWaiters.delete(msg.id);
      return;
    }
    answered(slot, reader, msg, options);
  });
  handle.onExit((reason) => {
    if (!slot.dead) options.onLost(slot, `worker-exited: ${reason}`);
  });
  handle.post({ t: 'init', watchdog: sab, clockBase: options.clock.now(), wallBase: wallNow(), instanceBudget: options.instanceBudget });
  return slot;
}

function answered(slot: WorkerSlot, reader: HostEventsReader, batch: WireBatch<HostEvent>, options: StartWorkerOptions): void {
  // What waited for this answer goes first, so the worker has work while the kernel takes in these events.
  slot.gate.answered();
  const events = reader.read(batch);
  if (events.length > 0) options.onEvents(events);
}

/** Effects were written for the worker: they go as one batch, now or with the worker's next answer (see PostGate). */
export function flushEffects(slot: WorkerSlot): void {
  if (slot.outgoing.size > 0) slot.gate.written();
}

/** Posts what was written now (a kind message or a termination must follow it in order). */
export function forceEffects(slot: WorkerSlot): void {
  if (slot.outgoing.size > 0) slot.gate.force();
}

function postOutgoing(slot: WorkerSlot): boolean {
  if (slot.outgoing.size === 0) return false;
  const expectsAnswer = slot.outgoing.expectsAnswer;
  const batch = slot.outgoing.take();
  if (slot.dead) return false;
  slot.handle.post(wireMessage('effects', batch), transferList(batch));
  return expectsAnswer;
}

/** Names the lane of a new instance (and forgets the agent's previous one). */
export function openLane(slot: WorkerSlot, lane: number, agent: string, instance: number): void {
  closeLane(slot, agent);
  slot.lanes.set(lane, { agent, instance });
  slot.laneOf.set(agent, lane);
}

export function closeLane(slot: WorkerSlot, agent: string): void {
  const lane = slot.laneOf.get(agent);
  if (lane === undefined) return;
  slot.laneOf.delete(agent);
  slot.lanes.delete(lane);
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A worker's batch as the kernel's host events: records resolved by token and lane. One
 * visitor per slot, made once (a batch arrives per round trip; closures per batch cost more
 * than the records they read).
 */
class HostEventsReader implements EventsVisitor {
  private events: HostEvent[] = [];

  constructor(private readonly slot: WorkerSlot) {}

  read(batch: WireBatch<HostEvent>): HostEvent[] {
    const events: HostEvent[] = [];
    this.events = events;
    readEvents(batch, this);
    this.events = [];
    return events;
  }

  handled(token: number, error: string | undefined): void {
    const running = this.slot.running.get(token);
    this.slot.running.delete(token);
    if (running?.messageId === undefined) return;
    const { agent, instance, messageId } = running;
    this.events.push(
      error === undefined
        ? { type: 'agent.handled', agent, instance, messageId }
        : { type: 'agent.handled', agent, instance, messageId, error },
    );
  }

  sent(lane: number, bytes: Uint8Array): void {
    const from = this.slot.lanes.get(lane);
    if (!from) return; // an instance the kernel has killed or replaced: it ignores it anyway
    let message: string;
    try {
      message = fatalDecoder.decode(bytes);
    } catch {
      this.events.push({ type: 'agent.log', ...from, level: 'error', text: 'sent a message that is not valid UTF-8: dropped' });
      return;
    }
    this.events.push({ type: 'agent.sent', agent: from.agent, instance: from.instance, message });
  }

  done(token: number): void {
    this.slot.running.delete(token);
  }

  event(event: HostEvent): void {
    this.events.push(event);
  }
}

/** Terminates the worker and answers its pending stats requests with nothing. */
export function stopWorkerSlot(slot: WorkerSlot): void {
  slot.dead = true;
  slot.gate.dispose();
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
