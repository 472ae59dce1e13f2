import { describe, expect, it } from 'vitest';
import { fileProblem } from '../protocol/errors';
import { formatProblem } from './errors';
import { createProblemList } from './problemList';

const nth = (i: number) => fileProblem('ORR207', `links[${i}].b`, 'the name of a node in nodes[]', `"ghost-${i}"`);

describe('createProblemList', () => {
  it('lists every problem while there are at most `listed`', () => {
    const list = createProblemList({ listed: 3, stopAt: 10 });
    for (let i = 0; i < 3; i++) list.add(nth(i));
    expect(list.problems()).toEqual([nth(0), nth(1), nth(2)]);
    expect(list.full).toBe(false);
  });

  it('lists the first `listed` and sums up the rest in one ORR212 line', () => {
    const list = createProblemList({ listed: 3, stopAt: 10 });
    for (let i = 0; i < 7; i++) list.add(nth(i));
    const problems = list.problems();
    expect(problems.slice(0, 3)).toEqual([nth(0), nth(1), nth(2)]);
    expect(problems.map(formatProblem).slice(3)).toEqual([
      'ORR212 (root): expected at most 3 problems, received 7 (the first 3 are listed, 4 more)',
    ]);
  });

  it('is full at `stopAt`, ignores what comes after and says checking stopped', () => {
    const list = createProblemList({ listed: 2, stopAt: 5 });
    for (let i = 0; i < 5; i++) {
      expect(list.full).toBe(false);
      list.add(nth(i));
    }
    expect(list.full).toBe(true);
    list.add(nth(99));
    expect(list.count).toBe(5);
    expect(list.problems().map(formatProblem)).toEqual([
      formatProblem(nth(0)),
      formatProblem(nth(1)),
      'ORR212 (root): expected at most 2 problems, received 5 or more (the first 2 are listed; checking stopped there)',
    ]);
  });

  it('defaults to 50 listed, so a refusal has at most 51 lines', () => {
    const list = createProblemList();
    for (let i = 0; i < 5000; i++) list.add(nth(i));
    expect(list.problems()).toHaveLength(51);
    expect(list.count).toBe(1000);
  });
});
