/** The browser's replay services: IndexedDB library, `.orrery-rec` writer, playback workers, the JADE import worker. */
import { importJadeLogInWorker } from '../../../browser/replay/connectJadeImport';
import { connectPlayback } from '../../../browser/replay/connectPlayback';
import { createPlaybackWorkbench } from '../../../browser/replay/createPlaybackWorkbench';
import { openRecordingLibrary } from '../../../workspace/persistence/recordingLibrary';
import { recordingToBlobParts } from '../../../workspace/recording/writeRecording';
import type { ReplayServices } from './replayServices';

export function defaultReplayServices(): ReplayServices {
  return {
    openLibrary: () => openRecordingLibrary(),
    fileParts: (recording) => recordingToBlobParts(recording),
    connectPlayback: () => connectPlayback(),
    playbackWorkbench: (api) => createPlaybackWorkbench(api),
    importJadeLog: (log, request) => importJadeLogInWorker(log, request),
  };
}
