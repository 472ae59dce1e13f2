/**
 * A run's contract violations (runs given `--contracts`, or a workspace's contracts) in each
 * output: a summary line and the first violations for people, a JUnit case `contracts` that
 * fails when any message broke a contract (so CI shows it), and the exit code: a violation is
 * a failed check (exit 1, like a hypothesis: the system is wrong, not slow).
 */
import { describeObservedViolation, type ContractsSummary } from '../experiments/contracts';
import type { JUnitCase } from './junit';

/** At most this many violations are printed; the JSON has the first 20, the counts all. */
const PRINTED = 5;

/** True when the run had no contracts or kept them. */
export const contractsKept = (summary: ContractsSummary | undefined): boolean => summary === undefined || summary.violations === 0;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `contracts: 3 violations in 3 of 120 messages checked (echo sends inform 3)`. */
export function contractsLine(summary: ContractsSummary): string {
  const head = `contracts: ${plural(summary.violations, 'violation')} in ${summary.messages} of ${plural(summary.checked, 'message')} checked`;
  const by = Object.entries(summary.byContract)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`);
  return by.length > 0 ? `${head} (${by.join(', ')})` : head;
}

/** `echo-1 → load at 12.0 ms: …`: one violation with the link it crossed and when. */
/** The summary line, then the first violations, each with where and when. */
export function contractsLines(summary: ContractsSummary | undefined): string[] {
  if (summary === undefined) return [];
  const shown = summary.first.slice(0, PRINTED).map((v) => `    ${describeObservedViolation(v)}`);
  const more = summary.violations > shown.length ? [`    … and ${summary.violations - shown.length} more`] : [];
  return [contractsLine(summary), ...shown, ...more];
}

/** One JUnit case `contracts`: failed with the violations when there are any. */
export function contractsCase(summary: ContractsSummary | undefined, classname: string): JUnitCase[] {
  if (summary === undefined) return [];
  if (summary.violations === 0) return [{ name: 'contracts', classname }];
  const details = summary.first.map(describeObservedViolation);
  return [
    {
      name: 'contracts',
      classname,
      failure: { message: contractsLine(summary), type: 'contract', details: details.join('\n') },
    },
  ];
}
