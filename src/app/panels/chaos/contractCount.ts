/** What a run's contract count says on the page (chaos result, load summary): pure, so tested without a DOM. */
import { describeObservedViolation } from '../../../experiments/contracts/checkMessage';
import type { ContractsSummary } from '../../../experiments/contracts/watchContracts';
import { plural } from '../../ui/format';

/** At most this many violations are listed under the count; the result holds the first 20. */
export const LISTED_VIOLATIONS = 5;

export interface ContractCountView {
  kept: boolean;
  /** `3 violations in 2 of 40 messages checked`. */
  headline: string;
  /** `echo accepts request 2 · shop sends inform 1`, most first. */
  byContract: string;
  /** `echo1 → load at 5.4 ms: sender echo1 (echo) sends inform: content: ...`. */
  first: string[];
  /** `… and 12 more` when more were counted than listed. */
  more: string;
}

export function contractCountView(summary: ContractsSummary): ContractCountView {
  const first = summary.first.slice(0, LISTED_VIOLATIONS).map(describeObservedViolation);
  return {
    kept: summary.violations === 0,
    headline: `${plural(summary.violations, 'violation')} in ${summary.messages} of ${plural(summary.checked, 'message')} checked`,
    byContract: Object.entries(summary.byContract)
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key} ${n}`)
      .join(' · '),
    first,
    more: summary.violations > first.length ? `… and ${summary.violations - first.length} more` : '',
  };
}
