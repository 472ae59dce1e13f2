/**
 * A pattern run's verdict as checks a person can read: a report came, it has the
 * expected performative, and each expected content field matches (expected vs received).
 */
import type { JsonValue } from '../../../protocol/message';
import { containsSubset, type RunVerdict, type Scenario } from '../../../workspace';

export interface RunCheck {
  label: string;
  ok: boolean;
  expected: string;
  received: string;
}

const text = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v as JsonValue));

export function runChecks(s: Scenario, verdict: RunVerdict): RunCheck[] {
  const report = verdict.report;
  const checks: RunCheck[] = [
    {
      label: `A report from ${s.expect.from}`,
      ok: report !== null,
      expected: 'a report',
      received: report ? `${report.performative} to ${String(report.receiver)}` : 'none',
    },
  ];
  if (!report) return checks;
  checks.push({
    label: 'Performative',
    ok: report.performative === s.expect.performative,
    expected: s.expect.performative,
    received: report.performative,
  });
  const expected = s.expect.content;
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    const content = report.content;
    const actual = content !== null && typeof content === 'object' && !Array.isArray(content) ? (content as Record<string, unknown>) : {};
    for (const [key, want] of Object.entries(expected)) {
      const got = Object.hasOwn(actual, key) ? actual[key] : undefined;
      checks.push({
        label: `content.${key}`,
        ok: got !== undefined && containsSubset(got, want),
        expected: text(want),
        received: text(got),
      });
    }
  } else {
    checks.push({
      label: 'Content',
      ok: containsSubset(report.content, expected),
      expected: text(expected),
      received: text(report.content),
    });
  }
  return checks;
}

/** The report's content as `key: value` lines (compact JSON values). */
export function reportLines(verdict: RunVerdict): string[] {
  const content = verdict.report?.content;
  if (content === undefined || content === null) return [];
  if (typeof content !== 'object' || Array.isArray(content)) return [text(content)];
  return Object.entries(content).map(([key, value]) => `${key}: ${text(value)}`);
}
