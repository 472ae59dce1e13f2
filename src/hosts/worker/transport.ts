/**
 * The one seam between the shared worker code and the platform: browser `Worker` and
 * Node `worker_threads` each provide an adapter.
 */
import type { FromAgentWorker, ToAgentWorker } from './protocol';

/** Inside an agent worker: how it talks to its host. */
export interface AgentWorkerPort {
  /** `transfer`: buffers handed over, not copied (the batch's wire). */
  post(message: FromAgentWorker, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: ToAgentWorker) => void): void;
}

/** In the host: one running agent worker. */
export interface AgentWorkerHandle {
  post(message: ToAgentWorker, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: FromAgentWorker) => void): void;
  /** The worker died on its own (uncaught error, exit). */
  onExit(handler: (reason: string) => void): void;
  terminate(): void;
}

export type SpawnAgentWorker = () => AgentWorkerHandle;
