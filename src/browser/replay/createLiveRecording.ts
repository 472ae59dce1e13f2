/**
 * Record/Stop on the live workbench. The tape runs from the kernel's birth (always on, within
 * its budget); Record only marks where playback starts, and Stop wraps the whole tape — the
 * entries before the mark bring a bare kernel to the moment Record was pressed.
 */
import type { KindInfo } from '../../hosts/types';
import type { TapeRecorder } from '../../experiments/replay/recorder';
import { finishRecording } from '../../experiments/replay/finishRecording';
import type { Recording, RecordingHeader } from '../../experiments/replay/types';
import { modulesInUse } from './modulesInUse';
import type { LiveRecordingApi, RecordingMeta, TapeStatus } from './types';

export interface LiveRecordingParts {
  recorder: TapeRecorder;
  /** The live kernel's Rng seed. */
  kernelSeed: number;
  kernel: RecordingHeader['kernel'];
  /** The kinds the workbench knows now. */
  kinds(): readonly KindInfo[];
  /** The bytes of an uploaded component (custom kinds), by hash. */
  componentBytes(hash: string): Uint8Array | undefined;
}

export function createLiveRecording(parts: LiveRecordingParts): LiveRecordingApi {
  const { recorder } = parts;
  let startIndex: number | undefined;

  const status = (): TapeStatus => ({
    recording: startIndex !== undefined,
    ...(startIndex !== undefined ? { startIndex } : {}),
    inputs: recorder.size,
    budget: recorder.budget,
    ...(recorder.cutShort ? { cutShort: { ...recorder.cutShort } } : {}),
  });

  return {
    tapeStatus: async () => status(),
    async startRecording() {
      if (recorder.cutShort)
        throw new Error(
          `cannot record: the tape stopped at input ${recorder.cutShort.atIndex} (${recorder.cutShort.reason}); reload the page to start a new tape`,
        );
      startIndex ??= recorder.size;
      return status();
    },
    async stopRecording(meta: RecordingMeta): Promise<Recording> {
      if (startIndex === undefined) throw new Error('not recording: press Record first');
      const from = startIndex;
      startIndex = undefined;
      // A copy: the live tape moves on while the recording is saved.
      const tape = recorder.tape().slice();
      return finishRecording({
        tape,
        kernelSeed: parts.kernelSeed,
        clockMode: 'live',
        startIndex: from,
        name: meta.name,
        tags: [...meta.tags],
        kernel: parts.kernel,
        ...(meta.workspace !== undefined ? { workspace: meta.workspace } : {}),
        modules: modulesInUse(tape, parts.kinds(), parts.componentBytes),
        ...(recorder.cutShort ? { cutShort: { ...recorder.cutShort } } : {}),
      });
    },
  };
}
