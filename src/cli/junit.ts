/**
 * A small JUnit XML writer (the de facto schema CI systems read: Jenkins, GitLab, GitHub
 * test reporters): `<testsuites>` of `<testsuite>` of `<testcase>`, each case at most one
 * `<failure>`. Text and attributes are escaped; characters XML 1.0 cannot carry are dropped.
 */

export interface JUnitCase {
  name: string;
  classname: string;
  /** Seconds. */
  time?: number;
  failure?: { message: string; type: string; details?: string };
}

export interface JUnitSuite {
  name: string;
  cases: JUnitCase[];
  time?: number;
  /** ISO 8601, without a zone offset as the schema wants (`2026-01-02T03:04:05`). */
  timestamp?: string;
  properties?: Record<string, string>;
}

// Allowed in XML 1.0: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, astral planes.

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;'); // a parser turns a raw \r (or \r\n) into \n
}

/** In an attribute a parser turns a raw tab or line break into a space: keep them as references. */
const escapeAttribute = (text: string) => escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

const attrs = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');

const seconds = (s: number | undefined) => (s === undefined ? undefined : s.toFixed(3));

function testcase(c: JUnitCase): string {
  const open = `    <testcase${attrs({ name: c.name, classname: c.classname, time: seconds(c.time) })}`;
  if (!c.failure) return `${open}/>`;
  const { message, type, details } = c.failure;
  return `${open}>\n      <failure${attrs({ message, type })}>${escapeXml(details ?? message)}</failure>\n    </testcase>`;
}

function testsuite(s: JUnitSuite): string {
  const failures = s.cases.filter((c) => c.failure).length;
  const head = `  <testsuite${attrs({ name: s.name, tests: s.cases.length, failures, errors: 0, skipped: 0, time: seconds(s.time), timestamp: s.timestamp })}>`;
  const properties = s.properties
    ? [
        '    <properties>',
        ...Object.entries(s.properties).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
        '    </properties>',
      ]
    : [];
  return [head, ...properties, ...s.cases.map(testcase), '  </testsuite>'].join('\n');
}

export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const time = suites.every((s) => s.time !== undefined) && suites.length > 0 ? suites.reduce((n, s) => n + s.time!, 0) : undefined;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, tests, failures, errors: 0, time: seconds(time) })}>`,
    ...suites.map(testsuite),
    '</testsuites>',
    '',
  ].join('\n');
}
