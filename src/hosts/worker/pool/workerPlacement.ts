/**
 * Which worker holds which agent: shared workers (least loaded first) and isolated ones (a
 * worker of its own, for `isolated: true` spawns, outside the shared budget).
 */
import { stopWorkerSlot, type WorkerSlot } from './workerSlot';

export interface WorkerPlacement {
  /** The worker for a spawn: the agent's current one if it fits, else the least loaded shared or a new isolated one. */
  placeFor(agent: string, isolated: boolean): WorkerSlot;
  /** The worker holding the agent now. */
  of(agent: string): WorkerSlot | undefined;
  /** Record that `slot` holds `agent`. */
  place(agent: string, slot: WorkerSlot): void;
  /** The agent left its worker (killed). */
  remove(agent: string): void;
  /** A worker is gone: forget its agents; a shared place gets a fresh worker unless `replace` is false. */
  retire(slot: WorkerSlot, replace: boolean): void;
  all(): WorkerSlot[];
  entries(): Iterable<[string, WorkerSlot]>;
  clear(): void;
}

export function createWorkerPlacement(size: number, startWorker: (isolated: boolean) => WorkerSlot): WorkerPlacement {
  const shared: Array<WorkerSlot | undefined> = new Array(size).fill(undefined);
  const isolated = new Map<string, WorkerSlot>();
  const placement = new Map<string, WorkerSlot>();

  function leastLoaded(): WorkerSlot {
    let best = 0;
    let bestLoad = Infinity;
    for (let i = 0; i < shared.length; i++) {
      const load = shared[i]?.agents.size ?? 0;
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    return (shared[best] ??= startWorker(false));
  }

  return {
    placeFor(agent, wantsIsolation) {
      const current = placement.get(agent);
      if (current && !current.dead && current.isolated === wantsIsolation) return current;
      if (current) current.agents.delete(agent);
      if (current?.isolated && isolated.get(agent) === current) {
        // Leaving its own worker (configured out of isolation): nothing else lives there.
        isolated.delete(agent);
        stopWorkerSlot(current);
      }
      if (!wantsIsolation) return leastLoaded();
      const slot = startWorker(true);
      isolated.set(agent, slot);
      return slot;
    },
    of: (agent) => placement.get(agent),
    place(agent, slot) {
      placement.set(agent, slot);
    },
    remove(agent) {
      placement.delete(agent);
      isolated.delete(agent);
    },
    retire(slot, replace) {
      for (const agent of slot.agents.keys()) if (placement.get(agent) === slot) placement.delete(agent);
      const index = shared.indexOf(slot);
      // A fresh worker takes the place at once so respawns need not wait for a start.
      if (index >= 0) shared[index] = replace ? startWorker(false) : undefined;
      for (const [agent, s] of isolated) if (s === slot) isolated.delete(agent);
    },
    all() {
      const out: WorkerSlot[] = [];
      for (const s of shared) if (s) out.push(s);
      for (const s of isolated.values()) out.push(s);
      return out;
    },
    entries: () => placement.entries(),
    clear() {
      shared.fill(undefined);
      isolated.clear();
      placement.clear();
    },
  };
}
