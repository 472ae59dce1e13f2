/**
 * When the iterations of an arrival-rate scenario are due (k6's open model: on schedule,
 * whatever the system answers). With N(t) the iterations the rate adds up to by t, the
 * first iteration is due as soon as the rate is above zero and iteration k ≥ 1 when N(t)
 * reaches k; only iterations due before the scenario's end run. A constant rate of r per
 * timeUnit u gives one every u/r ms from the start: rate × duration / u in all. A ramp
 * moves the rate linearly within each stage (a stage of duration 0 jumps), so N is
 * quadratic there and its inverse has a closed form.
 */
import type { Stage } from './types';

export interface ArrivalSchedule {
  /** When iteration k (from 0) is due, on the clock of `origin`; undefined when it falls at or after the end. */
  timeOf(k: number): number | undefined;
  /** When the scenario stops starting iterations. */
  readonly endsAt: number;
  /** The scheduled rate at time t, in iterations per ms (0 before the start and from the end on). */
  rateAt(t: number): number;
}

export function constantSchedule(rate: number, timeUnit: number, duration: number, origin = 0): ArrivalSchedule {
  const endsAt = origin + duration;
  return {
    endsAt,
    rateAt: (t) => (t >= origin && t < endsAt ? rate / timeUnit : 0),
    timeOf(k) {
      if (rate <= 0) return undefined;
      const t = origin + (k * timeUnit) / rate;
      return t < endsAt ? t : undefined;
    },
  };
}

interface Segment {
  t0: number;
  d: number;
  /** Rates per ms at the segment's start and end. */
  r0: number;
  r1: number;
  /** N at the segment's start. */
  n0: number;
  /** Iterations the segment adds. */
  n: number;
}

export function rampingSchedule(startRate: number, stages: readonly Stage[], timeUnit: number, origin = 0): ArrivalSchedule {
  const segments: Segment[] = [];
  let rate = startRate / timeUnit;
  let t0 = origin;
  let n0 = 0;
  let first: number | undefined;
  for (const stage of stages) {
    const r1 = stage.target / timeUnit;
    if (stage.duration > 0) {
      const n = ((rate + r1) / 2) * stage.duration;
      segments.push({ t0, d: stage.duration, r0: rate, r1, n0, n });
      if (first === undefined && (rate > 0 || r1 > 0)) first = t0;
      n0 += n;
      t0 += stage.duration;
    }
    rate = r1;
  }
  const endsAt = t0;
  let cursor = 0;
  const within = (k: number): number | undefined => {
    if (k > n0) return undefined;
    if (cursor >= segments.length || segments[cursor]!.n0 >= k) cursor = 0;
    while (cursor < segments.length - 1 && segments[cursor]!.n0 + segments[cursor]!.n < k) cursor++;
    const { t0: s0, d, r0, r1, n0: base } = segments[cursor]!;
    const m = k - base;
    const a = (r1 - r0) / (2 * d);
    // a·s² + r0·s = m, solved in the form that stays exact as a → 0.
    const s = a === 0 ? m / r0 : (2 * m) / (r0 + Math.sqrt(Math.max(0, r0 * r0 + 4 * a * m)));
    return s0 + Math.min(d, Math.max(0, s));
  };
  return {
    endsAt,
    rateAt(t) {
      const segment = segments.find((g) => t >= g.t0 && t < g.t0 + g.d);
      return segment ? segment.r0 + ((segment.r1 - segment.r0) * (t - segment.t0)) / segment.d : 0;
    },
    timeOf(k) {
      const t = k === 0 ? first : within(k);
      return t !== undefined && t < endsAt ? t : undefined;
    },
  };
}
