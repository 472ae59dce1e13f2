/**
 * The UI's handle on the workbench: speaks WorkbenchApi over comlink to a kernel worker
 * (started by connectLab). Events arrive in coalesced batches (at most ~10/s, at once when quiet).
 */
import * as Comlink from 'comlink';
import type { KernelEvent } from '../kernel/types';
import type { WorkbenchApi } from '../hosts/types';
import type { WorkerPoolStats } from '../hosts/worker/createWorkerPoolHost';
import { decodeEvents, type EventBatchWire } from './eventWire';
import type { KernelWorkerApi } from './createKernelWorkerCore';

export interface WorkbenchConnection extends WorkbenchApi {
  /** Resolves when built-in kinds are loaded; rejects with why not (e.g. agents not built). */
  ready(): Promise<void>;
  /** The agent workers' counters: live instances per worker, passivations, activations. */
  hostStats(): Promise<WorkerPoolStats>;
  dispose(): void;
}

/** `worker` exposes at least KernelWorkerApi (kernel.worker.ts); dispose terminates it. */
export function connectWorkbench(worker: Worker): WorkbenchConnection {
  const remote = Comlink.wrap<KernelWorkerApi>(worker);
  const releases = new Set<() => void>();
  let disposed = false;
  return {
    ready: () => remote.ready(),
    command: (command) => remote.command(command),
    send: (draft, from) => remote.send(draft, from),
    request: (draft, timeoutMs, from) => remote.request(draft, timeoutMs, from),
    kinds: () => remote.kinds(),
    registerComponent: (label, component) => {
      // Transfer a copy: the caller keeps its bytes.
      const copy = component.slice();
      return remote.registerComponent(label, Comlink.transfer(copy, [copy.buffer]));
    },
    snapshot: () => remote.snapshot(),
    inspect: (agent) => remote.inspect(agent),
    deadLetters: () => remote.deadLetters(),
    hostStats: () => remote.hostStats(),
    async subscribe(listener: (events: KernelEvent[]) => void) {
      const remoteUnsubscribe = await remote.subscribe(Comlink.proxy((wire: EventBatchWire) => listener(decodeEvents(wire))));
      const release = () => {
        if (!releases.delete(release)) return;
        void remoteUnsubscribe().finally(() => remoteUnsubscribe[Comlink.releaseProxy]());
      };
      releases.add(release);
      return release;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const release of [...releases]) release();
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
