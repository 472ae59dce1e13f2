/**
 * What the Replay tab needs from the layers below, in one seam: the recording library
 * (IndexedDB; it also reads `.orrery-rec` files), writing files, playback workers, and the
 * JADE log import (a worker of its own). The
 * app wires the real ones (`defaultReplayServices`); tests can give their own.
 */
import type { JadeImportOutcome, JadeImportRequest } from '../../../browser/replay/connectJadeImport';
import type { PlaybackApi } from '../../../browser/replay/types';
import type { Recording } from '../../../experiments/replay/types';
import type { RecordingLibrary, RecordingSummary } from '../../../workspace/persistence/recordingLibrary';
import type { ConnectedApi } from '../../store/createWorkbenchStore';
import type { PlaybackConnection } from './playbackSession';

/** One library row: the header without the tape. */
export type LibraryEntry = RecordingSummary;
export type RecordingLibraryApi = Pick<RecordingLibrary, 'list' | 'get' | 'put' | 'importFile' | 'rename' | 'setTags' | 'remove'>;

export interface ReplayServices {
  openLibrary(): Promise<RecordingLibraryApi>;
  /** The `.orrery-rec` file's bytes, in the parts they were written in. */
  fileParts(recording: Recording): Promise<Uint8Array[]>;
  connectPlayback(): PlaybackConnection;
  playbackWorkbench(api: PlaybackApi): ConnectedApi;
  /** A JADE message log (its file) as a recording, imported off the page; a refusal is ORR513 data. */
  importJadeLog(log: Blob, request: JadeImportRequest): Promise<JadeImportOutcome>;
}
