import { PROBLEM_LIMITS } from '../../../workspace';

/**
 * The lines a refusal shows: all of them up to 50 (plus the one line validation adds to sum
 * up the rest), else the first 50 and a count of the others. Validation caps its own
 * lists; this caps any list, whoever built it, so no refusal can flood the page.
 */
export function shownProblems(
  problems: readonly string[],
  max: number = PROBLEM_LIMITS.listed,
): { shown: readonly string[]; more: number } {
  if (problems.length <= max + 1) return { shown: problems, more: 0 };
  return { shown: problems.slice(0, max), more: problems.length - max };
}
