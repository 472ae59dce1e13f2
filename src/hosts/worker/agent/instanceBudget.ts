/**
 * The live-instance budget of one agent worker, and passivation (virtual actors, as in
 * Orleans; startAgentWorker explains why). When an agent needs an instance and the worker is
 * at budget, the least recently used *idle* live agent (nothing queued, not handling, not
 * instantiating) is passivated: its instance released, its memory back to the pool. If no
 * agent is idle, the agent waits in FIFO order holding no budget; every live agent drains
 * its queue in the next pump and then becomes evictable, so nobody waits forever.
 */
import { createMemoryPool, type MemoryPool } from '../../../wasm/memoryPool';
import type { AgentSlot } from './agentSlot';

/** Memories the pool keeps when the budget is unlimited. */
const UNLIMITED_POOL = 256;

export interface InstanceBudget {
  readonly pool: MemoryPool;
  readonly limit: number;
  /** Sets this worker's share (Infinity: no passivation). */
  setLimit(limit: number): void;
  /** The slot needs an instance: granted now (onGrant) or queued until budget frees. */
  acquire(slot: AgentSlot): void;
  /** Hands freed budget to waiting agents, passivating idle ones as needed. */
  serve(): void;
  /** Passivates the least recently used idle agent other than `except`; false if none is idle. */
  evictOne(except: AgentSlot): boolean;
  /** Drops the slot's instance and gives back its lease (or its place in line). */
  release(slot: AgentSlot): void;
  /** The slot was used: it becomes the most recently used. */
  touch(slot: AgentSlot): void;
  stats(): { live: number; peakLive: number; passivations: number; waiting: number };
}

export function createInstanceBudget(onGrant: (slot: AgentSlot) => void): InstanceBudget {
  let limit = Infinity;
  let pool: MemoryPool = createMemoryPool({ limit: UNLIMITED_POOL });
  /** Slots holding a lease, least recently used first. */
  const live = new Map<AgentSlot, true>();
  /** Slots waiting for a lease, in arrival order. */
  const waiters = new Set<AgentSlot>();
  let peakLive = 0;
  let passivations = 0;

  const evictable = (slot: AgentSlot) =>
    slot.status === 'ready' && slot.agent !== undefined && !slot.instantiating && slot.queue.length === 0;
  const room = (slot: AgentSlot) => live.size < limit || budget.evictOne(slot);

  function grant(slot: AgentSlot): void {
    slot.lease = 'held';
    live.set(slot, true);
    if (live.size > peakLive) peakLive = live.size;
    onGrant(slot);
  }

  const budget: InstanceBudget = {
    get pool() {
      return pool;
    },
    get limit() {
      return limit;
    },
    setLimit(next) {
      limit = Math.floor(next) || Infinity;
      if (Number.isFinite(limit)) pool = createMemoryPool({ limit });
    },
    acquire(slot) {
      if (slot.lease !== 'none' || slot.status === 'dead') return;
      if (room(slot)) grant(slot);
      else {
        slot.lease = 'waiting';
        waiters.add(slot);
      }
    },
    serve() {
      for (const slot of waiters) {
        if (!room(slot)) return;
        waiters.delete(slot);
        grant(slot);
      }
    },
    evictOne(except) {
      for (const slot of live.keys()) {
        if (slot === except || !evictable(slot)) continue;
        budget.release(slot);
        passivations++;
        return true;
      }
      return false;
    },
    release(slot) {
      const agent = slot.agent;
      slot.agent = undefined;
      agent?.release?.();
      if (slot.lease === 'held') live.delete(slot);
      else if (slot.lease === 'waiting') waiters.delete(slot);
      slot.lease = 'none';
    },
    touch(slot) {
      if (slot.lease !== 'held') return;
      live.delete(slot);
      live.set(slot, true);
    },
    stats: () => ({ live: live.size, peakLive, passivations, waiting: waiters.size }),
  };
  return budget;
}
