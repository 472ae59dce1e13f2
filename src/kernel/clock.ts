import type { Clock } from './types';

/** A virtual clock that moves only when told: simulation, replay and tests. */
export interface ManualClock extends Clock {
  set(time: number): void;
  /** Moves forward by `ms` and returns the new time. */
  advance(ms: number): number;
}

export function createManualClock(start = 0): ManualClock {
  let time = start;
  return {
    now: () => time,
    set(next) {
      if (!Number.isFinite(next) || next < time) throw new RangeError(`the clock only moves forward: ${time} → ${next}`);
      time = next;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
      time += ms;
      return time;
    },
  };
}
