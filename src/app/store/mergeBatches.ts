/** Stream batches that arrived between two publishes, as one (events in order, tallies added). */
import type { UiBatch } from '../../browser/stream/uiStreamTypes';
import { emptyTally, mergeTallies } from '../../browser/stream/tallyMessages';

export function mergeBatches(batches: readonly UiBatch[]): UiBatch {
  if (batches.length === 1) return batches[0]!;
  const out: UiBatch = { events: batches.flatMap((b) => b.events) };
  for (const b of batches) {
    if (b.tally) out.tally = mergeTallies(out.tally ?? emptyTally(), b.tally);
    if (b.sample) out.sample = { shown: (out.sample?.shown ?? 0) + b.sample.shown, total: (out.sample?.total ?? 0) + b.sample.total };
  }
  return out;
}
