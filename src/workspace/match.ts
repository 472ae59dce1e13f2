/**
 * Judging a pattern run: the last report `expect.from` sends to whoever started it must
 * have the expected performative and contain the expected content — vitest's
 * `toMatchObject` rules (objects as subsets, arrays item by item with equal length).
 */
import type { AclMessage } from '../protocol/message';
import type { Scenario } from './model';

export function containsSubset(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => containsSubset(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => Object.hasOwn(a, k) && containsSubset(a[k], v));
  }
  return Object.is(actual, expected);
}

export type RunVerdict =
  | { status: 'passed'; report: AclMessage }
  | { status: 'failed'; report: AclMessage; why: string }
  | { status: 'failed'; report: null; why: string };

/** Receivers a report may go to: the console and the scenario's clients. */
export function reportReceivers(s: Scenario): Set<string> {
  return new Set(['you', ...s.nodes.filter((n) => n.type === 'client').map((n) => n.name)]);
}

/** Is `m` a report from the judged agent to a starter? */
export function isReport(s: Scenario, m: AclMessage, receivers = reportReceivers(s)): boolean {
  return m.sender === s.expect.from && typeof m.receiver === 'string' && receivers.has(m.receiver);
}

/** The verdict over the messages of a run (in order), from the last report. */
export function judgeRun(s: Scenario, messages: readonly AclMessage[]): RunVerdict {
  const receivers = reportReceivers(s);
  let report: AclMessage | null = null;
  for (const m of messages) if (isReport(s, m, receivers)) report = m;
  if (!report) return { status: 'failed', report: null, why: `no report from ${s.expect.from}` };
  if (report.performative !== s.expect.performative) {
    return { status: 'failed', report, why: `expected ${s.expect.performative}, received ${report.performative}` };
  }
  if (!containsSubset(report.content, s.expect.content)) {
    return { status: 'failed', report, why: `content does not contain ${JSON.stringify(s.expect.content)}` };
  }
  return { status: 'passed', report };
}
