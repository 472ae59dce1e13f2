/** What the log, the inspector and the canvas show of the violations the store knows (pure). */
import { contractKey, pairKey } from '../../../experiments/contracts/monitor';
import type { ObservedViolation, ViolationCounts } from '../../../experiments/contracts/types';

/** A message's violations the store keeps, or undefined (own keys only: an id is any string, "constructor" too). */
export function violationsOf(byMessage: Readonly<Record<string, ObservedViolation[]>>, messageId: string): ObservedViolation[] | undefined {
  return Object.hasOwn(byMessage, messageId) ? byMessage[messageId] : undefined;
}

/** Violations on a link, both ways (exact: from the worker's counts). */
export function linkViolationCount(counts: ViolationCounts, a: string, b: string): number {
  const ab = counts.byPair[pairKey(a, b)] ?? 0;
  return a === b ? ab : ab + (counts.byPair[pairKey(b, a)] ?? 0);
}

/** The violations the page still keeps of messages between these two agents, oldest first. */
export function violationsBetween(
  byMessage: Readonly<Record<string, ObservedViolation[]>>,
  order: readonly string[],
  a: string,
  b: string,
) {
  const out: ObservedViolation[] = [];
  for (const id of order)
    for (const v of byMessage[id] ?? []) if ((v.from === a && v.to === b) || (v.from === b && v.to === a)) out.push(v);
  return out;
}

/** `receiver echo-1 · echo accepts request` */
export function violationHeading(v: ObservedViolation): string {
  return `${v.side} ${v.agent} · ${contractKey(v.contract)}`;
}

/** One line per violation: the log marker's title. */
export function violationsTitle(violations: readonly ObservedViolation[]): string {
  return violations.map((v) => `${violationHeading(v)}: ${v.problems.join('; ')}`).join('\n');
}

export function violationCountText(n: number): string {
  return `${n.toLocaleString()} contract violation${n === 1 ? '' : 's'}`;
}
