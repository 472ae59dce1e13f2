/** The pool's counters: every worker's answer to a `stats` request (a busy worker is skipped after 2 s). */
import type { AgentWorkerStats } from '../protocol';
import type { WorkerSlot } from './workerSlot';

/** WorkerPoolHost.stats(): counters of every worker that answered. */
export interface WorkerPoolStats {
  /** The shared workers' total budget (`liveInstances`). */
  liveInstances: number;
  workers: Array<AgentWorkerStats & { id: number; isolated: boolean }>;
  /** Sums over the workers. */
  live: number;
  passivations: number;
  activations: number;
}

const STATS_TIMEOUT_MS = 2000;
let nextStatsId = 1;

export async function collectStats(slots: readonly WorkerSlot[], liveInstances: number): Promise<WorkerPoolStats> {
  const answers = await Promise.all(slots.map(askWorker));
  const workers = answers.filter((a): a is NonNullable<typeof a> => a !== undefined);
  return {
    liveInstances,
    workers,
    live: workers.reduce((n, w) => n + w.live, 0),
    passivations: workers.reduce((n, w) => n + w.passivations, 0),
    activations: workers.reduce((n, w) => n + w.activations, 0),
  };
}

function askWorker(slot: WorkerSlot): Promise<(AgentWorkerStats & { id: number; isolated: boolean }) | undefined> {
  return new Promise((resolve) => {
    const id = nextStatsId++;
    // A worker busy in a long handle answers late: do not wait for it forever.
    const timer = setTimeout(() => {
      slot.statsWaiters.delete(id);
      resolve(undefined);
    }, STATS_TIMEOUT_MS);
    slot.statsWaiters.set(id, (stats) => {
      clearTimeout(timer);
      resolve(stats ? { ...stats, id: slot.id, isolated: slot.isolated } : undefined);
    });
    slot.handle.post({ t: 'stats', id });
  });
}
