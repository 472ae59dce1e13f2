import { describe, expect, it } from 'vitest';
import { shownProblems } from './shownProblems';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `problem ${i}`);

describe('shownProblems', () => {
  it('shows up to 51 lines as they are (50 and a summary line from validation)', () => {
    expect(shownProblems(lines(3))).toEqual({ shown: lines(3), more: 0 });
    expect(shownProblems(lines(51))).toEqual({ shown: lines(51), more: 0 });
  });

  it('shows the first 50 of a longer list and counts the rest', () => {
    expect(shownProblems(lines(40_000))).toEqual({ shown: lines(50), more: 39_950 });
    expect(shownProblems(lines(7), 5)).toEqual({ shown: lines(5), more: 2 });
  });
});
