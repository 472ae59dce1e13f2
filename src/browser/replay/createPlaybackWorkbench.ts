/**
 * A recording as the workbench store's API (the store's ConnectedApi, structurally: the app
 * layer's type cannot be imported from here): reads go to the playback worker, event batches
 * come from the player as its cursor moves, and anything that would change the system is
 * refused — a recording is what happened, to change it fork it.
 */
import type { KernelEvent } from '../../kernel/types';
import type { WorkbenchApi } from '../../hosts/types';
import type { PlaybackApi, PlaybackBatch } from './types';
import { createRecordingContracts, type RecordingContracts } from '../stream/createRecordingContracts';

export const READ_ONLY_MESSAGE = 'a recording is read-only: fork it to change it';

/** Contracts: the whole recording's violations, and a draft inferred from it (see createRecordingContracts). */
export interface PlaybackWorkbench extends WorkbenchApi, RecordingContracts {
  ready(): Promise<void>;
  /** Playback's own batches (a `reset` starts the projection over); the store prefers these to `subscribe`. */
  subscribePlayback(listener: (batch: PlaybackBatch) => void): Promise<() => void>;
}

function readOnly(what: string): Promise<never> {
  return Promise.reject(new Error(`cannot ${what}: ${READ_ONLY_MESSAGE}`));
}

export function createPlaybackWorkbench(playback: PlaybackApi): PlaybackWorkbench {
  return {
    ready: async () => {},
    command: (command) => readOnly(`run ${command.type}`),
    send: () => readOnly('send a message'),
    request: () => readOnly('send a request'),
    registerComponent: () => readOnly('add an agent kind'),
    kinds: () => playback.kinds(),
    snapshot: () => playback.snapshot(),
    inspect: (agent) => playback.inspect(agent),
    /** Events only: a consumer of plain events cannot start over, so it gets each reset's window as more events. */
    subscribe: (listener: (events: KernelEvent[]) => void) => playback.subscribe((batch) => listener(batch.events)),
    subscribePlayback: (listener) => playback.subscribe(listener),
    ...createRecordingContracts({ events: () => playback.events(0, Number.MAX_SAFE_INTEGER), snapshot: () => playback.snapshot() }),
  };
}
