/** A worker-pool AgentHost whose workers are Node worker_threads. */
import { availableParallelism } from 'node:os';
import type { Clock } from '../../kernel/types';
import { createWorkerPoolHost, type WorkerPoolHost, type WorkerPoolOptions } from '../worker/createWorkerPoolHost';
import { agentWorkerScript, enableWasmFeatures, spawnNodeAgentWorker } from './spawnNodeAgentWorker';

export interface NodePoolHostOptions extends Omit<WorkerPoolOptions, 'spawnWorker'> {
  clock?: Clock;
}

export async function createNodePoolHost(options: NodePoolHostOptions = {}): Promise<WorkerPoolHost> {
  enableWasmFeatures();
  const script = await agentWorkerScript();
  return createWorkerPoolHost({
    size: Math.min(4, availableParallelism()),
    ...options,
    spawnWorker: () => spawnNodeAgentWorker(script),
  });
}
