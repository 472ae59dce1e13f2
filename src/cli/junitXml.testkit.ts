/**
 * Test kit: a strict reader of the XML subset junit.ts writes (fails on anything malformed)
 * and a structural check of a JUnit report (the schema CI reporters read): testsuites of
 * testsuite of testcase, at most one failure each, with the counts on every level right.
 */
import { expect } from 'vitest';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(?:([a-z]+)|#(\d+));/g, (whole, name: string | undefined, code: string | undefined) => {
    if (code !== undefined) return String.fromCodePoint(Number(code));
    if (!(name! in ENTITIES)) throw new Error(`unknown entity ${whole}`);
    return ENTITIES[name!]!;
  });

/** A strict reader of the XML subset the writer emits: fails on anything malformed. */
export function parseXml(xml: string): XmlElement {
  if (xml.includes('\r')) throw new Error('a raw carriage return (a parser turns it into a line feed)');
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  expect(body).not.toBe(xml);
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<\/([\w-]+)>|<([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const top = stack.at(-1)!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attributes: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w-]+)="([^"]*)"/g)) {
        if (a[1]! in attributes) throw new Error(`attribute ${a[1]} twice`);
        if (/[\t\n\r]/.test(a[2]!)) throw new Error('a raw tab or line break in an attribute (a parser makes it a space)');
        attributes[a[1]!] = unescape(a[2]!);
      }
      const element = { name: m[2], attributes, children: [], text: '' };
      top.children.push(element);
      if (!m[4]) stack.push(element);
    } else {
      if (/[<>]/.test(m[5]!)) throw new Error('raw < or > in text');
      top.text += unescape(m[5]!);
    }
    if (token.lastIndex === body.length) break;
  }
  if (token.lastIndex !== body.length) throw new Error(`unparsed XML at ${token.lastIndex}`);
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const count = (text: string | undefined, what: string) => {
  expect(text, what).toMatch(/^\d+$/);
  return Number(text);
};

/** Checks a JUnit report's structure and counts; returns its suites' cases and failures. */
export function checkJUnit(xml: string): {
  tests: number;
  failures: number;
  suites: { name: string; cases: { name: string; failure?: string }[] }[];
} {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const suites = root.children.map((s) => {
    expect(s.name).toBe('testsuite');
    expect(s.attributes.name).toBeTruthy();
    const cases = s.children.filter((c) => c.name === 'testcase');
    expect(s.children.every((c) => c.name === 'testcase' || c.name === 'properties')).toBe(true);
    const read = cases.map((c) => {
      expect(c.attributes.name, 'testcase name').toBeTruthy();
      expect(c.attributes.classname, 'testcase classname').toBeTruthy();
      expect(c.children.length).toBeLessThanOrEqual(1);
      const failure = c.children[0];
      if (failure) {
        expect(failure.name).toBe('failure');
        expect(failure.attributes.message, 'failure message').toBeTruthy();
        expect(failure.attributes.type, 'failure type').toBeTruthy();
      }
      return { name: c.attributes.name!, ...(failure ? { failure: failure.attributes.message! } : {}) };
    });
    expect(count(s.attributes.tests, 'testsuite tests')).toBe(read.length);
    expect(count(s.attributes.failures, 'testsuite failures')).toBe(read.filter((c) => c.failure).length);
    expect(count(s.attributes.errors, 'testsuite errors')).toBe(0);
    return { name: s.attributes.name!, cases: read };
  });
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  expect(count(root.attributes.tests, 'testsuites tests')).toBe(tests);
  expect(count(root.attributes.failures, 'testsuites failures')).toBe(failures);
  return { tests, failures, suites };
}
