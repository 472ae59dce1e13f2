import { describe, expect, it } from 'vitest';
import type { ObservedViolation } from '../../../experiments/contracts/types';
import { contractCountView, LISTED_VIOLATIONS } from './contractCount';

const violation = (i: number): ObservedViolation => ({
  contract: { kind: 'echo', performative: 'inform', direction: 'sends' },
  side: 'sender',
  agent: 'echo1',
  from: 'echo1',
  to: 'load',
  performative: 'inform',
  seq: i,
  t: i + 0.25,
  problems: ['content: missing the required field "status"'],
});

describe('contractCountView', () => {
  it('says kept, with what was checked, when nothing broke', () => {
    expect(contractCountView({ checked: 1, violations: 0, messages: 0, byContract: {}, first: [] })).toEqual({
      kept: true,
      headline: '0 violations in 0 of 1 message checked',
      byContract: '',
      first: [],
      more: '',
    });
  });

  it('lists the counts by contract (most first) and the first violations, then how many more', () => {
    const view = contractCountView({
      checked: 40,
      violations: 12,
      messages: 11,
      byContract: { 'echo accepts request': 2, 'echo sends inform': 10 },
      first: Array.from({ length: 12 }, (_, i) => violation(i)),
    });
    expect(view.kept).toBe(false);
    expect(view.headline).toBe('12 violations in 11 of 40 messages checked');
    expect(view.byContract).toBe('echo sends inform 10 · echo accepts request 2');
    expect(view.first).toHaveLength(LISTED_VIOLATIONS);
    expect(view.first[0]).toBe('echo1 → load at 0.3 ms: sender echo1 (echo) sends inform: content: missing the required field "status"');
    expect(view.more).toBe('… and 7 more');
  });
});
