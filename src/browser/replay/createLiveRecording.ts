/**
 * Record/Stop on the live workbench. The tape runs from the kernel's birth (always on, within
 * its budget); Record only marks where playback starts, and Stop wraps the whole tape — the
 * entries before the mark bring a bare kernel to the moment Record was pressed.
 */
import type { KindInfo } from '../../hosts/types';
import type { TapeRecorder } from '../../experiments/replay/recorder';
import { finishRecording } from '../../experiments/replay/finishRecording';
import { createTapeScanner, type TapeScan } from '../../experiments/replay/scanTape';
import { createYielder } from '../../workspace/recording/yieldToEventLoop';
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

/** Entries stepped between two looks at the clock (a few ms of work). */
const SCAN_SLICE = 500;

/**
 * The tape's one pass (events counted, log hashed) in slices, yielding every ~12 ms: on the
 * kernel worker a 500,000-input tape takes seconds, and the live agents must not stall meanwhile.
 */
async function scanInSlices(
  tape: Recording['tape'],
  startIndex: number,
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>,
): Promise<TapeScan> {
  const scanner = createTapeScanner(header, tape, startIndex);
  const breathe = createYielder();
  while (scanner.step(SCAN_SLICE)) await breathe();
  return scanner.finish();
}

/** The live recording plus what the worker itself calls. */
export interface LiveRecording extends LiveRecordingApi {
  /**
   * A live load run or the load driver starts: unless Record is on, the tape is let go, since
   * holding every input costs up to half the throughput under load (measured in Node, 64 in
   * flight) and would skew the run's figures. Recording is then off until a reload, and says so.
   */
  suspendForLoad(): void;
}

export const LOAD_RELEASE_REASON = 'a live load run started without Record on: the tape was let go so it would not slow the run';

/**
 * The tape lives only for a recording: once it cannot make one (cut short), its entries are let
 * go as soon as no recording needs them, so a spent tape does not hold half a million inputs.
 */
export function createLiveRecording(parts: LiveRecordingParts): LiveRecording {
  const { recorder } = parts;
  let startIndex: number | undefined;
  recorder.whenCutShort(() => {
    if (startIndex === undefined) recorder.release('');
  });

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
      const cutShort = recorder.cutShort;
      if (cutShort) recorder.release(cutShort.reason);
      const scan = await scanInSlices(tape, from, parts);
      return finishRecording({
        scan,
        tape,
        kernelSeed: parts.kernelSeed,
        clockMode: 'live',
        startIndex: from,
        name: meta.name,
        tags: [...meta.tags],
        kernel: parts.kernel,
        ...(meta.workspace !== undefined ? { workspace: meta.workspace } : {}),
        modules: modulesInUse(tape, parts.kinds(), parts.componentBytes),
        ...(cutShort ? { cutShort: { ...cutShort } } : {}),
      });
    },
    suspendForLoad() {
      if (startIndex === undefined) recorder.release(LOAD_RELEASE_REASON);
    },
  };
}
