import type { Clock } from '../kernel/types';

/** Wall-clock milliseconds that never go backwards (epoch start + monotonic elapsed). */
export function createRealClock(): Clock {
  const origin = Date.now() - performance.now();
  return { now: () => origin + performance.now() };
}
