import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, junitXml, type JUnitSuite } from './junit';

interface XmlElement {
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
function parseXml(xml: string): XmlElement {
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

const suite: JUnitSuite = {
  name: 'replay <soak> & "friends"',
  time: 1.5,
  timestamp: '2026-01-02T03:04:05',
  properties: { recording: 'a.orrery-rec' },
  cases: [
    { name: 'conversation c-1', classname: 'replay.soak', time: 0.25 },
    {
      name: "conversation c-2 'x'",
      classname: 'replay.soak',
      failure: { message: 'content.n: recorded 1, replayed 2', type: 'divergence', details: 'a < b && c > d\nsecond line' },
    },
  ],
};

describe('JUnit XML', () => {
  it('writes testsuites > testsuite > testcase > failure with the counts CI systems read', () => {
    const root = parseXml(junitXml('orrery replay', [suite]));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ name: 'orrery replay', tests: '2', failures: '1', errors: '0', time: '1.500' });
    const [s] = root.children;
    expect(s!.name).toBe('testsuite');
    expect(s!.attributes).toMatchObject({
      name: 'replay <soak> & "friends"',
      tests: '2',
      failures: '1',
      skipped: '0',
      timestamp: '2026-01-02T03:04:05',
    });
    expect(s!.children.map((c) => c.name)).toEqual(['properties', 'testcase', 'testcase']);
    expect(s!.children[0]!.children[0]!.attributes).toEqual({ name: 'recording', value: 'a.orrery-rec' });
    const [, pass, fail] = s!.children;
    expect(pass!.attributes).toEqual({ name: 'conversation c-1', classname: 'replay.soak', time: '0.250' });
    expect(pass!.children).toEqual([]);
    expect(fail!.attributes.name).toBe("conversation c-2 'x'");
    expect(fail!.children.map((c) => c.name)).toEqual(['failure']);
    expect(fail!.children[0]!.attributes).toEqual({ message: 'content.n: recorded 1, replayed 2', type: 'divergence' });
    expect(fail!.children[0]!.text).toBe('a < b && c > d\nsecond line');
  });

  it('writes an empty report that is still valid', () => {
    const root = parseXml(junitXml('none', []));
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0' });
    expect(root.attributes.time).toBeUndefined();
  });

  it('keeps any text intact through escaping, dropping only what XML cannot carry (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const root = parseXml(
          junitXml(text, [{ name: text, cases: [{ name: text, classname: 'c', failure: { message: text, type: 't' } }] }]),
        );
        const kept = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(root.attributes.name).toBe(kept);
        expect(root.children[0]!.children[0]!.children[0]!.attributes.message).toBe(kept);
        expect(root.children[0]!.children[0]!.children[0]!.text).toBe(kept);
      }),
      { numRuns: 60 },
    );
  });

  it('escapes the five XML specials and carriage returns', () => {
    expect(escapeXml(`<a href="x">'&'</a>\r\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#13;\n');
  });
});
