/**
 * Where the checks put what they find. A broken file can hold tens of thousands of
 * problems (a 538 KB file with 20k dangling links once froze the tab for 73 s rendering
 * 40k of them), so the list keeps the first few, counts on to a bound, and then tells the
 * checks to stop: `full` is what every loop over a file's items looks at.
 */
import { fileProblem } from '../protocol/errors';
import type { WorkspaceProblem } from './errors';
import { PROBLEM_LIMITS } from './limits';

export interface ProblemList {
  add(p: WorkspaceProblem): void;
  /** Checking may stop: `stopAt` problems are known. */
  readonly full: boolean;
  /** Problems found so far (at most `stopAt`). */
  readonly count: number;
  /** The first `listed` problems, plus one ORR212 line summing up the rest when there are more. */
  problems(): WorkspaceProblem[];
}

export interface ProblemListOptions {
  listed?: number;
  stopAt?: number;
}

export function createProblemList({
  listed = PROBLEM_LIMITS.listed,
  stopAt = PROBLEM_LIMITS.stopAt,
}: ProblemListOptions = {}): ProblemList {
  const kept: WorkspaceProblem[] = [];
  let count = 0;
  return {
    add(p) {
      if (count >= stopAt) return;
      count++;
      if (kept.length < listed) kept.push(p);
    },
    get full() {
      return count >= stopAt;
    },
    get count() {
      return count;
    },
    problems() {
      if (count <= listed) return [...kept];
      return [...kept, summary(count, listed, count >= stopAt)];
    },
  };
}

function summary(count: number, listed: number, stopped: boolean): WorkspaceProblem {
  const received = stopped
    ? `${count} or more (the first ${listed} are listed; checking stopped there)`
    : `${count} (the first ${listed} are listed, ${count - listed} more)`;
  return fileProblem('ORR212', '(root)', `at most ${listed} problems`, received);
}
