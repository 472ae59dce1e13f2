/**
 * The VU count of a ramping-vus scenario over time. Within a stage the count moves one VU
 * at a time, at the moments the straight line from the previous target to this one
 * crosses a whole number: from 0 to 10 over 20 s, one more VU every 2 s, the tenth at
 * 20 s. A stage of duration 0 jumps to its target. After the last stage the count stays
 * at the last target (the scenario ends there).
 */
import type { Stage } from './types';

export interface RampingSteps {
  /** VUs that should be running at `rel`. */
  countAt(rel: number): number;
  /** The next time after `rel` the count changes; undefined when it no longer does. */
  nextChangeAfter(rel: number): number | undefined;
  /** The largest count at any time. */
  readonly max: number;
  readonly duration: number;
}

/** When step i of a stage starting at s0, of n steps over d ms, is taken. The one formula for both questions, so a wake-up at a step's time sees the step. */
const stepTime = (s0: number, d: number, n: number, i: number): number => s0 + (d * i) / n;

/** Steps taken by `rel` in a stage starting at s0 of n steps over d ms (d > 0). */
function stepsBy(rel: number, s0: number, d: number, n: number): number {
  if (rel < s0) return 0;
  let i = Math.min(n, Math.max(0, Math.floor((n * (rel - s0)) / d)));
  while (i < n && stepTime(s0, d, n, i + 1) <= rel) i++;
  while (i > 0 && stepTime(s0, d, n, i) > rel) i--;
  return i;
}

/** `origin`: when the first stage begins; every time in and out is on the same clock (no subtraction, so no rounding between them). */
export function rampingSteps(start: number, stages: readonly Stage[], origin = 0): RampingSteps {
  const spans: { t0: number; d: number; from: number; to: number }[] = [];
  let from = start;
  let t0 = origin;
  let max = start;
  for (const stage of stages) {
    spans.push({ t0, d: stage.duration, from, to: stage.target });
    from = stage.target;
    t0 += stage.duration;
    max = Math.max(max, stage.target);
  }
  const duration = t0 - origin;
  return {
    max,
    duration,
    countAt(rel) {
      let count = start;
      for (const { t0: s0, d, from: a, to: b } of spans) {
        if (rel < s0) break;
        const n = Math.abs(b - a);
        if (d === 0 || n === 0 || stepTime(s0, d, n, n) <= rel) {
          count = b;
          continue;
        }
        return a + Math.sign(b - a) * stepsBy(rel, s0, d, n);
      }
      return count;
    },
    nextChangeAfter(rel) {
      for (const { t0: s0, d, from: a, to: b } of spans) {
        const n = Math.abs(b - a);
        if (n === 0) continue;
        if (d === 0) {
          if (s0 > rel) return s0;
          continue;
        }
        const i = stepsBy(rel, s0, d, n);
        if (i < n) return stepTime(s0, d, n, i + 1);
      }
      return undefined;
    },
  };
}
