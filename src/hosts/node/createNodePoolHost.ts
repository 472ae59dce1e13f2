/** A worker-pool AgentHost whose workers are Node worker_threads. */
import { availableParallelism } from 'node:os';
import type { Clock } from '../../kernel/types';
import { createWorkerPoolHost, type WorkerPoolHost, type WorkerPoolOptions } from '../worker/createWorkerPoolHost';
import { agentWorkerScript, enableWasmFeatures, spawnNodeAgentWorker } from './spawnNodeAgentWorker';

export interface NodePoolHostOptions extends Omit<WorkerPoolOptions, 'spawnWorker'> {
  clock?: Clock;
  /** False: workers talk by posts only, without the ring channel (for comparisons). */
  ring?: boolean;
}

export async function createNodePoolHost(options: NodePoolHostOptions = {}): Promise<WorkerPoolHost> {
  enableWasmFeatures();
  const script = await agentWorkerScript();
  const { ring, ...pool } = options;
  return createWorkerPoolHost({
    size: Math.min(4, availableParallelism()),
    ...pool,
    spawnWorker: () => spawnNodeAgentWorker(script, ring === undefined ? {} : { ring }),
  });
}
