/** What the tape status says, in words (pure). */
import type { TapeStatus } from '../../../browser/replay/types';

const count = (n: number) => n.toLocaleString('en-GB');

export function tapeText(status: TapeStatus): string {
  const used = `${count(status.inputs)} of ${count(status.budget)} inputs used`;
  if (status.cutShort) return `Tape cut short at input ${count(status.cutShort.atIndex)}: ${status.cutShort.reason}. ${used}.`;
  if (status.recording) {
    const since = status.inputs - (status.startIndex ?? status.inputs);
    return `Recording: ${count(since)} input${since === 1 ? '' : 's'} since Record · ${used}.`;
  }
  return `Not recording · ${used}.`;
}

/** The budget used, 0–100 (the meter's value). */
export function tapeUsedPercent(status: TapeStatus): number {
  return status.budget > 0 ? Math.min(100, Math.round((status.inputs / status.budget) * 100)) : 100;
}
