/**
 * What the kernel worker sends the page about contracts: the violations its monitor saw
 * since the last batch (at most a cap; the rest are counted, never sent) and the counts
 * since the contracts were set, always exact (every event is checked, not the UI's sample).
 */
import type { ObservedViolation, ViolationCounts } from '../../experiments/contracts/types';

export interface ViolationBatch {
  /** In the order seen; at most `MAX_VIOLATIONS_PER_BATCH`. */
  violations: ObservedViolation[];
  /** Violations seen since the last batch but not sent (over the cap). */
  omitted: number;
  /** Everything counted since the contracts were set. */
  counts: ViolationCounts;
}

/** Violations sent whole per batch (~10 batches a second): more than anyone reads. */
export const MAX_VIOLATIONS_PER_BATCH = 200;

export function emptyCounts(): ViolationCounts {
  return { checked: 0, violations: 0, messages: 0, byPair: {}, byContract: {} };
}
