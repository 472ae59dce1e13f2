/**
 * The kernel's host effects carried out by the pool: each becomes a WorkerEffect in its
 * worker's batch (one postMessage per worker per call). A spawn whose kind is only declared
 * waits for it to compile (with the faults sent for that instance meanwhile); a kill
 * cancels both, and ends an isolated agent's worker.
 */
import type { AgentLimits, Effect, HostEvent } from '../../../kernel/types';
import type { WorkerEffect } from '../protocol';
import type { DeclaredKind, KindCache, RegisteredKind } from './kindCache';
import type { WorkerPlacement } from './workerPlacement';
import type { EffectsWriter } from '../wire/effectsWire';
import { closeLane, flushEffects, forceEffects, openLane, stopWorkerSlot, type WorkerSlot } from './workerSlot';

type SpawnEffect = Extract<Effect, { type: 'spawn' }>;

export interface PoolEffects {
  kinds: KindCache;
  placement: WorkerPlacement;
  /** Spawns waiting for their kind to compile, by agent, with the faults for that instance. */
  waitingSpawns: Map<string, { instance: number; faults: Effect[] }>;
  nextToken(): number;
  emit(events: HostEvent[]): void;
  /** Performs effects again (a spawn whose kind has compiled). */
  perform(effects: readonly Effect[]): void;
}

/**
 * The workers written to during one call: each gets its batch posted once, at the end. Most
 * calls touch one worker (a round trip's delivery), so the set is only made for a second.
 */
class Batches {
  private first: WorkerSlot | undefined;
  private more: Set<WorkerSlot> | undefined;

  to(slot: WorkerSlot): EffectsWriter {
    if (this.first === undefined) this.first = slot;
    else if (slot !== this.first) (this.more ??= new Set()).add(slot);
    return slot.outgoing;
  }

  flushAll(): void {
    if (this.first !== undefined) flushEffects(this.first);
    if (this.more !== undefined) for (const slot of this.more) flushEffects(slot);
    this.first = undefined;
    this.more = undefined;
  }
}

export function performEffects(pool: PoolEffects, effects: readonly Effect[]): void {
  const batches = new Batches();
  const failed: HostEvent[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'spawn':
        spawn(pool, batches, failed, effect);
        break;
      case 'deliver': {
        const slot = pool.placement.of(effect.agent);
        if (!slot || slot.agents.get(effect.agent) !== effect.instance) break;
        const lane = slot.laneOf.get(effect.agent);
        if (lane === undefined) break;
        const token = pool.nextToken();
        const messageId = effect.message.id;
        slot.running.set(token, { token, agent: effect.agent, instance: effect.instance, messageId });
        // The one serialisation on the way to the guest: its UTF-8 goes into the batch as it is encoded.
        batches.to(slot).deliver(token, lane, messageId, JSON.stringify(effect.message));
        break;
      }
      case 'kill':
        kill(pool, batches, effect.agent, effect.instance);
        break;
      case 'fault': {
        const waiting = pool.waitingSpawns.get(effect.agent);
        if (waiting?.instance === effect.instance) {
          waiting.faults.push(effect);
          break;
        }
        const slot = pool.placement.of(effect.agent);
        if (!slot || slot.agents.get(effect.agent) !== effect.instance) break;
        const fault: WorkerEffect = { type: 'fault', agent: effect.agent, instance: effect.instance, fault: effect.fault };
        if (effect.ms !== undefined) fault.ms = effect.ms;
        batches.to(slot).effect(fault);
        break;
      }
      default:
        break;
    }
  }
  batches.flushAll();
  if (failed.length > 0) queueMicrotask(() => pool.emit(failed));
}

function spawn(pool: PoolEffects, batches: Batches, failed: HostEvent[], effect: SpawnEffect): void {
  const kind = pool.kinds.registered(effect.kind);
  const lazy = kind ? undefined : pool.kinds.declared(effect.kind);
  if (lazy) return spawnWhenCompiled(pool, lazy, effect);
  if (!kind) {
    const known = pool.kinds.names().join(', ') || 'none';
    failed.push({
      type: 'agent.init-failed',
      agent: effect.agent,
      instance: effect.instance,
      error: `unknown agent kind "${effect.kind}"; known kinds: ${known}`,
    });
    return;
  }
  const slot = pool.placement.placeFor(effect.agent, effect.isolated);
  if (!slot.kinds.has(kind.info.hash)) {
    // Post what is queued first so `kind` precedes the spawn on the wire.
    forceEffects(slot);
    slot.handle.post(kindMessage(kind));
    slot.kinds.add(kind.info.hash);
  }
  const token = pool.nextToken();
  slot.agents.set(effect.agent, effect.instance);
  openLane(slot, token, effect.agent, effect.instance);
  pool.placement.place(effect.agent, slot);
  slot.running.set(token, { token, agent: effect.agent, instance: effect.instance });
  const { agent, instance, config, kv } = effect;
  batches
    .to(slot)
    .effect({ type: 'spawn', token, agent, instance, hash: kind.info.hash, config, limits: effect.limits as AgentLimits, kv });
}

function kindMessage(kind: RegisteredKind) {
  return kind.modules
    ? { t: 'kind' as const, compiled: kind.compiled, modules: kind.modules }
    : { t: 'kind' as const, compiled: kind.compiled };
}

/** Compile on first use, then spawn. The kernel delivers nothing before agent.ready, so nothing can overtake this spawn. */
function spawnWhenCompiled(pool: PoolEffects, lazy: DeclaredKind, effect: SpawnEffect): void {
  lazy.pending ??= lazy.register();
  const waiting = { instance: effect.instance, faults: [] as Effect[] };
  pool.waitingSpawns.set(effect.agent, waiting);
  lazy.pending.then(
    () => {
      if (pool.waitingSpawns.get(effect.agent) !== waiting) return; // killed or respawned meanwhile
      pool.waitingSpawns.delete(effect.agent);
      pool.perform([effect, ...waiting.faults]);
    },
    (e: unknown) => {
      lazy.pending = undefined;
      pool.emit([
        { type: 'agent.init-failed', agent: effect.agent, instance: effect.instance, error: e instanceof Error ? e.message : String(e) },
      ]);
    },
  );
}

function kill(pool: PoolEffects, batches: Batches, agent: string, instance: number): void {
  if (pool.waitingSpawns.get(agent)?.instance === instance) pool.waitingSpawns.delete(agent);
  const slot = pool.placement.of(agent);
  if (!slot || slot.agents.get(agent) !== instance) return;
  batches.to(slot).effect({ type: 'kill', agent, instance });
  slot.agents.delete(agent);
  closeLane(slot, agent);
  pool.placement.remove(agent);
  if (slot.isolated) {
    forceEffects(slot);
    stopWorkerSlot(slot);
  }
}
