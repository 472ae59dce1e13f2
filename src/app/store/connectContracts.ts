/**
 * Keeps the kernel worker's contracts the store's (`contracts`) and brings its violation
 * batches into the store. Without an API that checks contracts (a playback, a test double)
 * nothing happens.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ContractsApi } from '../../browser/stream/createContractsApi';
import type { ViolationBatch } from '../../browser/stream/violationTypes';
import { errorText } from '../errors';
import { describeProblems, type ContractsSliceActions, type ContractsSliceData } from './contractsSlice';
import type { ErrorCode } from '../../protocol/errors';

export interface ContractsCapableApi {
  setContracts?: ContractsApi['setContracts'];
  subscribeViolations?(listener: (batch: ViolationBatch) => void): Promise<() => void>;
  inferContract?: ContractsApi['inferContract'];
}

type ContractsStore = StoreApi<ContractsSliceData & ContractsSliceActions & { notify(code: ErrorCode, message: string): void }>;

/** Returns the disconnect. */
export function connectContracts(store: ContractsStore, api: ContractsCapableApi): () => void {
  const { setContracts, subscribeViolations } = api;
  if (!setContracts || !subscribeViolations) return () => undefined;
  let disposed = false;
  let off: (() => void) | null = null;
  const push = (file: ContractsSliceData['contracts']) =>
    setContracts(file)
      .then((result) => {
        if (!result.ok && !disposed)
          store.getState().notify('ORR601', `The kernel worker refused the contracts: ${describeProblems(result.problems)}`);
      })
      .catch((error: unknown) => {
        if (!disposed) store.getState().notify('ORR601', `The contracts could not be set: ${errorText(error)}`);
      });
  const stopWatching = store.subscribe((s, previous) => {
    if (s.contracts !== previous.contracts) void push(s.contracts);
  });
  void subscribeViolations((batch) => {
    if (!disposed) store.getState().applyViolations(batch);
  }).then((unsubscribe) => {
    if (disposed) unsubscribe();
    else off = unsubscribe;
  });
  if (store.getState().contracts) void push(store.getState().contracts);
  return () => {
    disposed = true;
    stopWatching();
    off?.();
  };
}
