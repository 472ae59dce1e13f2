/** Log windows by time: the kernel stamps events with non-decreasing `t`. */
import type { KernelEvent } from '../../kernel/types';

export interface TimeWindow {
  /** Inclusive. */
  start: number;
  /** Exclusive. */
  end: number;
}

/** The first index whose event has `t >= time` (binary search). */
export function indexAt(log: readonly KernelEvent[], time: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.t < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events with start <= t < end. */
export function sliceWindow(log: readonly KernelEvent[], window: TimeWindow): readonly KernelEvent[] {
  return log.slice(indexAt(log, window.start), indexAt(log, window.end));
}

export const inWindow = (t: number, w: TimeWindow): boolean => t >= w.start && t < w.end;
