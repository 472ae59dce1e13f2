import { describe, expect, it } from 'vitest';
import { nameProblem } from '../protocol/names';
import { formatProblem } from './errors';
import { fromState } from './fromState';
import { layoutGraph } from './layout';
import { containsSubset } from './match';
import { emptyWorkspace, type Workspace } from './model';
import { NODE_NAME_PATTERN } from './schema';
import { serializeWorkspace } from './exportImport';
import { toCommands } from './toCommands';
import { parseWorkspace, validateWorkspace } from './validateWorkspace';

const KINDS = new Set(['echo']);
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function problems(value: unknown, knownKinds: ReadonlySet<string> | undefined = KINDS): string[] {
  const r = validateWorkspace(value, knownKinds ? { knownKinds } : {});
  return r.ok ? [] : r.problems.map(formatProblem);
}

/** A file with `nodes` agents and `broken` links between names no node has. */
export function brokenLinksFile(broken: number, nodes = 50): string {
  return JSON.stringify({
    orrery: 'workspace',
    version: 2,
    name: 'Broken links',
    nodes: Array.from({ length: nodes }, (_, i) => ({
      type: 'agent',
      name: `agent-${i}`,
      kind: 'echo',
    })),
    links: Array.from({ length: broken }, (_, i) => ({
      a: `ghost-a${i}`,
      b: `ghost-b${i}`,
    })),
    modules: [],
    composerHistory: [],
  });
}

describe('own keys only', () => {
  it('takes prototype names as node names: validated, restored with their positions, laid out', () => {
    const text = JSON.stringify({
      ...emptyWorkspace('Proto'),
      nodes: PROTO_NAMES.map((name, i) => ({
        type: 'agent',
        name,
        kind: 'echo',
        position: { x: i, y: i },
      })),
      links: [{ a: '__proto__', b: 'constructor' }],
    });
    const r = parseWorkspace(text, { knownKinds: KINDS });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const plan = toCommands(r.value);
    PROTO_NAMES.forEach((name, i) => {
      expect(Object.hasOwn(plan.positions, name), name).toBe(true);
      expect(plan.positions[name]).toEqual({ x: i, y: i });
    });
    expect(Object.keys(plan.positions)).toEqual(PROTO_NAMES);
    const laidOut = layoutGraph(PROTO_NAMES, [['__proto__', 'toString']]);
    expect(Object.keys(laidOut).sort()).toEqual([...PROTO_NAMES].sort());
    for (const name of PROTO_NAMES) {
      expect(Object.hasOwn(laidOut, name), name).toBe(true);
      expect(typeof laidOut[name]?.x, name).toBe('number');
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // nothing was polluted
  });

  it('captures prototype names with their own positions only', () => {
    const positions = JSON.parse('{"__proto__": {"x": 1, "y": 2}}') as Record<string, { x: number; y: number }>;
    Object.setPrototypeOf(positions, { inherited: { x: 5, y: 5 } });
    const ws = fromState({
      name: 'W',
      agents: [],
      topics: ['__proto__', 'constructor', 'inherited'],
      clients: [],
      links: [],
      positions,
      modules: [],
    });
    expect(ws.nodes).toEqual([
      { type: 'topic', name: '__proto__', position: { x: 1, y: 2 } },
      { type: 'topic', name: 'constructor' },
      { type: 'topic', name: 'inherited' },
    ]);
  });

  it('refuses prototype names as agent kinds: not known, and for most not a kind at all', () => {
    const doc = {
      ...emptyWorkspace('K'),
      nodes: PROTO_NAMES.map((kind, i) => ({
        type: 'agent',
        name: `a${i}`,
        kind,
      })),
    };
    // The kind pattern keeps out all but `constructor`, with or without a list of known kinds ...
    const outOfPattern = ['ORR204 nodes[0].kind: e', 'ORR204 nodes[2].kind: e', 'ORR204 nodes[3].kind: e', 'ORR204 nodes[4].kind: e'];
    expect(problems(doc).map((p) => p.slice(0, 23))).toEqual(outOfPattern);
    expect(problems(doc, undefined).map((p) => p.slice(0, 23))).toEqual(outOfPattern);
    expect(problems(doc)[0]).toMatch(/^ORR204 nodes\[0\]\.kind: expected an agent kind: a built-in id .*, received "__proto__"$/);
    // ... and `constructor` is simply not a known kind (a Set, not an object's keys).
    const ctor = {
      ...emptyWorkspace('K'),
      nodes: [{ type: 'agent', name: 'a', kind: 'constructor' }],
    };
    expect(problems(ctor)).toEqual(['ORR208 nodes[0].kind: expected a known agent kind (echo), received "constructor"']);
  });

  it('refuses prototype names as field names, at every level', () => {
    for (const field of PROTO_NAMES) {
      const root = JSON.parse(
        `{"orrery":"workspace","version":2,"name":"W","nodes":[],"links":[],"modules":[],"composerHistory":[],"${field}":1}`,
      ) as unknown;
      expect(problems(root)[0], field).toMatch(new RegExp(`^ORR204 (\\["__proto__"\\]|${field}): expected no such field`));
      const node = JSON.parse(
        `{"orrery":"workspace","version":2,"name":"W","nodes":[{"type":"topic","name":"t","${field}":{}}],"links":[],"modules":[],"composerHistory":[]}`,
      ) as unknown;
      expect(problems(node)[0], field).toMatch(
        /^ORR204 nodes\[0\]\S*: expected no such field \(allowed: type, name, position\), received an object \{\}$/,
      );
    }
  });

  it('never takes a field from a prototype', () => {
    const inherited = Object.create({
      orrery: 'workspace',
      version: 2,
    }) as Record<string, unknown>;
    Object.assign(inherited, {
      name: 'W',
      nodes: [],
      links: [],
      modules: [],
      composerHistory: [],
    });
    expect(problems(inherited)).toEqual(['ORR202 orrery: expected "workspace", received nothing']);
    const node = Object.create({ kind: 'echo' }) as Record<string, unknown>;
    Object.assign(node, { type: 'agent', name: 'a' });
    expect(problems({ ...emptyWorkspace('W'), nodes: [node] })).toEqual([
      'ORR204 nodes[0].kind: expected a value (the field is required), received nothing',
    ]);
  });

  it('matches report content on own keys only', () => {
    expect(containsSubset({}, { constructor: {} })).toBe(false);
    expect(containsSubset({ constructor: {} }, { constructor: {} })).toBe(true);
  });
});

describe('node names', () => {
  it('are refused by the schema exactly where the network refuses them', () => {
    const samples = [
      'echo-1',
      'a.b:c@d',
      'ünï',
      '__proto__',
      'you',
      'kernel',
      '*',
      'topic:x',
      'a b',
      'a\tb',
      'a"b',
      'a(b',
      'x\u0000',
      'topicx',
      '',
      'n'.repeat(128),
      'n'.repeat(129),
    ];
    const pattern = new RegExp(NODE_NAME_PATTERN, 'u');
    for (const name of samples) {
      const bySchema = name.length >= 1 && name.length <= 128 && pattern.test(name) && !['you', 'kernel', '*'].includes(name);
      expect(bySchema, JSON.stringify(name)).toBe(nameProblem(name) === undefined);
    }
  });

  it('say why a name is refused', () => {
    const doc = (name: string) => ({
      ...emptyWorkspace('W'),
      nodes: [{ type: 'topic', name }],
    });
    expect(problems(doc('you'))).toEqual(['ORR206 nodes[0].name: expected a valid node name, received "you" ("you" is reserved)']);
    expect(problems(doc('a b'))).toEqual([
      'ORR206 nodes[0].name: expected a valid node name, received "a b" (a name must not contain spaces, control characters, parentheses or quotes)',
    ]);
    expect(problems(doc('topic:x'))).toEqual([
      'ORR206 nodes[0].name: expected a valid node name, received "topic:x" (a name must not start with "topic:" (that prefix addresses topics))',
    ]);
  });
});

describe('a very broken file', () => {
  it('with 20,000 dangling links gets at most 51 problems: the first 50 and a line for the rest', () => {
    const text = brokenLinksFile(20_000);
    expect(text.length).toBeGreaterThan(500_000);
    const r = parseWorkspace(text, { knownKinds: KINDS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeLessThanOrEqual(51);
    expect(r.problems.slice(0, 2).map(formatProblem)).toEqual([
      'ORR207 links[0].a: expected the name of a node in nodes[], received "ghost-a0"',
      'ORR207 links[0].b: expected the name of a node in nodes[], received "ghost-b0"',
    ]);
    // Checking stopped early: after 1,000 problems, that is 500 links of the 20,000.
    expect(formatProblem(r.problems[50]!)).toBe(
      'ORR212 (root): expected at most 50 problems, received 1000 or more (the first 50 are listed; checking stopped there)',
    );
    expect(r.problems[49]!.path).toBe('links[24].b');
  });

  it('with thousands of schema errors stops the detailed pass early too', () => {
    const doc = {
      ...emptyWorkspace('W'),
      nodes: Array.from({ length: 10_000 }, (_, i) => ({
        type: 'agent',
        name: `a${i}`,
        kind: 1,
        position: 'here',
      })),
    };
    const r = validateWorkspace(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(51);
    expect(r.problems.slice(0, 2).map(formatProblem)).toEqual([
      'ORR204 nodes[0].kind: expected a value of type string, received 1',
      'ORR204 nodes[0].position: expected a value of type object, received "here"',
    ]);
    expect(formatProblem(r.problems[50]!)).toMatch(/^ORR212 \(root\): expected at most 50 problems, received 1000 or more/);
  });

  it('loses nothing it was given: the value passed in is not changed', () => {
    const doc = JSON.parse(brokenLinksFile(100, 3)) as Workspace;
    const before = structuredClone(doc);
    validateWorkspace(doc, { knownKinds: KINDS });
    expect(doc).toEqual(before);
  });
});

describe('$schema', () => {
  it('is written first in every exported file and accepted on import', () => {
    const ws: Workspace = {
      ...emptyWorkspace('S'),
      nodes: [{ type: 'topic', name: 't' }],
    };
    const text = serializeWorkspace(ws);
    expect(Object.keys(JSON.parse(text) as object)[0]).toBe('$schema');
    expect(JSON.parse(text)).toMatchObject({ $schema: 'https://orrery.dev/schemas/orrery.workspace-2.schema.json' });
    expect(parseWorkspace(text)).toEqual({ ok: true, value: ws });
  });

  it('may point at a local copy, and must be a string', () => {
    expect(problems({ $schema: './orrery.workspace-2.schema.json', ...emptyWorkspace('S') })).toEqual([]);
    expect(problems({ $schema: 2, ...emptyWorkspace('S') })).toEqual(['ORR204 $schema: expected a value of type string, received 2']);
  });
});
