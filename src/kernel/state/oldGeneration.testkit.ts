/** For tests that measure what a hot path leaves in V8's old generation: bytes, not time. */
import { getHeapSpaceStatistics } from 'node:v8';
import { expect } from 'vitest';

export const oldSpaceUsed = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;

/**
 * Bytes the old space grew by while `body(i)` ran for i in [0, iterations): the sum of its
 * rises between samples, so a mark-compact in the middle does not hide what was promoted or
 * allocated there before it. What `body` returns is kept until the next call, as a caller would.
 */
export function oldGenerationGrowth(iterations: number, body: (i: number) => unknown): number {
  let last = oldSpaceUsed();
  let grown = 0;
  let sink: unknown;
  for (let i = 0; i < iterations; i++) {
    sink = body(i);
    if (i % 500 === 0) {
      const used = oldSpaceUsed();
      if (used > last) grown += used - last;
      last = used;
    }
  }
  expect(sink).toBeDefined();
  return grown;
}
