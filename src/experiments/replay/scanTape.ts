/**
 * One pass of a bare kernel through a tape: every event it regenerates, with the tape entry
 * that produced it, and the log hash of the whole run (from the kernel's birth). The pass can
 * go in slices (`createTapeScanner`), so a caller can yield between them.
 */
import type { KernelEvent } from '../../kernel/types';
import { createLogHasher } from '../simulation/logHash';
import { createBareKernel } from './bareKernel';
import type { RecordingHeader, TapeEntry } from './types';

export interface TapeScan {
  logHash: string;
  /** Events the whole tape produced. */
  total: number;
  /** Seq of the first event at or after `startIndex` (= events before it). */
  first: number;
}

export interface TapeScanner {
  /** Entries stepped so far. */
  readonly done: number;
  /** Steps up to `count` more entries; false when the tape is at its end. */
  step(count: number): boolean;
  /** Steps what is left and returns the result. */
  finish(): TapeScan;
}

export function createTapeScanner(
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>,
  tape: readonly TapeEntry[],
  startIndex: number,
  onEvent?: (event: KernelEvent, entryIndex: number) => void,
): TapeScanner {
  const hasher = createLogHasher();
  let entryIndex = 0;
  let total = 0;
  let first = startIndex >= tape.length ? -1 : 0;
  const bare = createBareKernel(header, (event) => {
    hasher.add(event);
    total++;
    if (entryIndex >= startIndex) onEvent?.(event, entryIndex);
  });
  const scanner: TapeScanner = {
    get done() {
      return entryIndex;
    },
    step(count) {
      const end = Math.min(tape.length, entryIndex + count);
      for (; entryIndex < end; entryIndex++) {
        if (entryIndex === startIndex) first = total;
        bare.step(tape[entryIndex]!);
      }
      return entryIndex < tape.length;
    },
    finish() {
      scanner.step(Infinity);
      return { logHash: hasher.hex(), total, first: first < 0 ? total : first };
    },
  };
  return scanner;
}

export function scanTape(
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>,
  tape: readonly TapeEntry[],
  startIndex: number,
  onEvent?: (event: KernelEvent, entryIndex: number) => void,
): TapeScan {
  return createTapeScanner(header, tape, startIndex, onEvent).finish();
}
