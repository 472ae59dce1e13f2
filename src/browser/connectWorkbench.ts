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
import { decodeBatch, type UiBatchWire } from './stream/createStreamHub';
import type { StreamInterest, UiBatch } from './stream/uiStreamTypes';
import type { LoadCounts, LoadSpec } from '../experiments/load/createLoadDriver';
import type { ContractsApi } from './stream/createContractsApi';
import type { ViolationBatch } from './stream/violationTypes';

/** A subscription by interest (see stream/uiStreamTypes.ts). */
export interface UiStreamSubscription {
  setInterest(interest: StreamInterest): void;
  close(): void;
}

export interface WorkbenchConnection extends WorkbenchApi {
  /** Resolves when built-in kinds are loaded; rejects with why not (e.g. agents not built). */
  ready(): Promise<void>;
  /** The agent workers' counters: live instances per worker, passivations, activations. */
  hostStats(): Promise<WorkerPoolStats>;
  /** What the UI shows: whole messages only while `interest.messages`, tallies of the rest. */
  openStream(listener: (batch: UiBatch) => void, interest: StreamInterest): Promise<UiStreamSubscription>;
  /** An open-loop load sent from the kernel worker (benchmarks). */
  startLoad(spec: LoadSpec): Promise<void>;
  stopLoad(): Promise<LoadCounts>;
  /** Contracts checked in the kernel worker over every event (see stream/createViolationFeed.ts). */
  setContracts: ContractsApi['setContracts'];
  /** Violations and exact counts in batches while contracts are set; returns the unsubscribe. */
  subscribeViolations(listener: (batch: ViolationBatch) => void): Promise<() => void>;
  inferContract: ContractsApi['inferContract'];
  dispose(): void;
}

/** `worker` exposes at least KernelWorkerApi (kernel.worker.ts); dispose terminates it. */
export function connectWorkbench(worker: Worker): WorkbenchConnection {
  const remote = Comlink.wrap<KernelWorkerApi>(worker);
  const releases = new Set<() => void>();
  /** A subscription's release: closes it once, and `dispose` releases whatever is still open. */
  const tracked = (close: () => void) => {
    const release = () => {
      if (releases.delete(release)) close();
    };
    releases.add(release);
    return release;
  };
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
      return tracked(() => void remoteUnsubscribe().finally(() => remoteUnsubscribe[Comlink.releaseProxy]()));
    },
    async openStream(listener, interest) {
      const id = await remote.openStream(
        Comlink.proxy((wire: UiBatchWire) => listener(decodeBatch(wire))),
        interest,
      );
      const release = tracked(() => void remote.closeStream(id));
      return { setInterest: (next) => void remote.setStreamInterest(id, next), close: release };
    },
    startLoad: (spec) => remote.startLoad(spec),
    stopLoad: () => remote.stopLoad(),
    setContracts: (file) => remote.setContracts(file),
    async subscribeViolations(listener) {
      const id = await remote.openViolations(Comlink.proxy(listener));
      return tracked(() => void remote.closeViolations(id));
    },
    inferContract: () => remote.inferContract(),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const release of [...releases]) release();
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
