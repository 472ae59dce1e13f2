/**
 * Open-loop arrival schedules for load generation: sends are due by the clock, whatever
 * the system under load answers, so a slow system shows as a lower delivered rate and
 * never as a politely slower driver.
 */

export interface ArrivalSchedule {
  /** How many sends are due from the start through `elapsedMs` (never decreasing). */
  dueBy(elapsedMs: number): number;
}

/** `ratePerSecond` sends a second, evenly spread: the first is due at once. */
export function constantArrivalRate(ratePerSecond: number): ArrivalSchedule {
  if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond))
    throw new RangeError(`rate must be a finite number ≥ 0, got ${ratePerSecond}`);
  return {
    dueBy: (elapsedMs) => (elapsedMs < 0 || ratePerSecond === 0 ? 0 : Math.floor((elapsedMs * ratePerSecond) / 1000) + 1),
  };
}

/** How many sends to make now: due by `elapsedMs` and not yet made (`made`). */
export function sendsDue(schedule: ArrivalSchedule, elapsedMs: number, made: number): number {
  return Math.max(0, schedule.dueBy(elapsedMs) - made);
}
