/**
 * One pass of a bare kernel through a tape: every event it regenerates, with the tape entry
 * that produced it, and the log hash of the whole run (from the kernel's birth).
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

export function scanTape(
  header: Pick<RecordingHeader, 'kernelSeed' | 'kernel'>,
  tape: readonly TapeEntry[],
  startIndex: number,
  onEvent?: (event: KernelEvent, entryIndex: number) => void,
): TapeScan {
  const hasher = createLogHasher();
  let entryIndex = 0;
  let total = 0;
  const bare = createBareKernel(header, (event) => {
    hasher.add(event);
    total++;
    if (entryIndex >= startIndex) onEvent?.(event, entryIndex);
  });
  let first = 0;
  for (; entryIndex < tape.length; entryIndex++) {
    if (entryIndex === startIndex) first = total;
    bare.step(tape[entryIndex]!);
  }
  if (startIndex >= tape.length) first = total;
  return { logHash: hasher.hex(), total, first };
}
