/**
 * The one seam between the shared worker code and the platform: browser `Worker` and
 * Node `worker_threads` each provide an adapter, wrapped in the ring channel (ring/).
 */
import type { FromAgentWorker, ToAgentWorker } from './protocol';

/** Inside an agent worker: how it talks to its host. */
export interface AgentWorkerPort<Out = FromAgentWorker, In = ToAgentWorker> {
  /** `transfer`: buffers handed over, not copied (the batch's wire). */
  post(message: Out, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: In) => void): void;
}

/** In the host: one running agent worker. */
export interface AgentWorkerHandle<Out = ToAgentWorker, In = FromAgentWorker> {
  post(message: Out, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: In) => void): void;
  /** The worker died on its own (uncaught error, exit). */
  onExit(handler: (reason: string) => void): void;
  terminate(): void;
}

export type SpawnAgentWorker = () => AgentWorkerHandle;
