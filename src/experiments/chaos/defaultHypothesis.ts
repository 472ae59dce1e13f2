/**
 * The steady-state hypothesis an experiment gets when it names none (and the one a new
 * experiment in the Chaos panel starts with): nothing lost, almost every request answered
 * with success, nothing dead-lettered — in every window. A run where a fifth of the
 * requests fail does not pass by default; loosen the thresholds on purpose, not by omission.
 */
import type { ProbeSpec } from './types';

export const DEFAULT_THRESHOLDS = {
  /** Share of requests whose first answer is not a failure, not-understood or refuse. */
  successRate: 0.99,
  /** Dead letters allowed per window. */
  deadLetters: 0,
} as const;

export function defaultHypothesis(): ProbeSpec[] {
  return [
    { probe: 'no-lost-messages' },
    { probe: 'success-rate', min: DEFAULT_THRESHOLDS.successRate },
    { probe: 'dead-letters', max: DEFAULT_THRESHOLDS.deadLetters },
  ];
}
