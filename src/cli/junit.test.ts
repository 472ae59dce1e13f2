import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, junitXml, type JUnitSuite } from './junit';
import { parseXml } from './junitXml.testkit';

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
    // ~4 s alone; on the shared 2-core machine beside other suites it took 11 s.
  }, 30_000);

  it('escapes the five XML specials and carriage returns', () => {
    expect(escapeXml(`<a href="x">'&'</a>\r\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#13;\n');
  });
});
