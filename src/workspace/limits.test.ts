import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors';
import { WORKSPACE_LIMITS as L } from './limits';
import { emptyWorkspace, type Workspace } from './model';
import { parseWorkspace, validateWorkspace } from './validateWorkspace';

/** The one-line problems of a document (empty when it is accepted). */
function problems(doc: unknown): string[] {
  const r = validateWorkspace(doc, { knownKinds: new Set(['echo']) });
  return r.ok ? [] : r.problems.map(formatProblem);
}

function withNodes(nodes: unknown[], extra: Partial<Record<keyof Workspace, unknown>> = {}): unknown {
  return { ...emptyWorkspace('W'), nodes, ...extra };
}

const agent = (name: string, more: Record<string, unknown> = {}) => ({
  type: 'agent',
  name,
  kind: 'echo',
  ...more,
});

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe('documented maxima', () => {
  it('bounds the lists: nodes, links, modules, composer history, experiments', () => {
    const many = Array.from({ length: L.nodes + 1 }, (_, i) => ({
      type: 'topic',
      name: `t${i}`,
    }));
    expect(problems(withNodes(many))).toEqual([`ORR204 nodes: expected at most ${L.nodes} items, received ${L.nodes + 1} items`]);
    const links = Array.from({ length: L.links + 1 }, () => ({
      a: 'x',
      b: 'y',
    }));
    expect(problems(withNodes([], { links }))).toEqual([`ORR204 links: expected at most ${L.links} items, received ${L.links + 1} items`]);
    const history = Array.from({ length: L.composerHistory + 1 }, () => 'x');
    expect(problems(withNodes([], { composerHistory: history }))).toEqual([
      `ORR204 composerHistory: expected at most ${L.composerHistory} items, received ${L.composerHistory + 1} items`,
    ]);
    expect(
      problems(
        withNodes([], {
          modules: Array.from({ length: L.modules + 1 }, () => ({})),
        }),
      )[0],
    ).toBe(`ORR204 modules: expected at most ${L.modules} items, received ${L.modules + 1} items`);
    expect(
      problems(
        withNodes([], {
          experiments: Array.from({ length: L.experiments + 1 }, () => ({})),
        }),
      )[0],
    ).toBe(`ORR204 experiments: expected at most ${L.experiments} items, received ${L.experiments + 1} items`);
  });

  it('bounds the number of groups', () => {
    const groups = Array.from({ length: L.groups + 1 }, (_, i) => ({
      type: 'group',
      name: `g${i}`,
      strategy: 'one_for_one',
    }));
    expect(problems(withNodes(groups))).toEqual([
      `ORR204 nodes: expected at most ${L.groups} group nodes, received ${L.groups + 1} group nodes`,
    ]);
  });

  it('bounds string lengths: names, kinds, titles', () => {
    expect(problems(withNodes([agent('n'.repeat(L.nameLength + 1))]))).toEqual([
      `ORR204 nodes[0].name: expected at most ${L.nameLength} characters, received ${L.nameLength + 1} characters`,
    ]);
    expect(problems(withNodes([agent('a', { kind: 'k'.repeat(L.kindLength + 1) })]))[0]).toEqual(
      `ORR204 nodes[0].kind: expected at most ${L.kindLength} characters, received ${L.kindLength + 1} characters`,
    );
    expect(problems({ ...emptyWorkspace('W'), name: 'w'.repeat(L.titleLength + 1) })).toEqual([
      `ORR204 name: expected at most ${L.titleLength} characters, received ${L.titleLength + 1} characters`,
    ]);
  });

  it('bounds numbers: limits, group settings, positions (1e300 and Infinity included)', () => {
    expect(problems(withNodes([agent('a', { limits: { deadlineMs: 1e300 } })]))).toEqual([
      `ORR204 nodes[0].limits.deadlineMs: expected a number ≤ ${L.durationMs}, received 1e+300`,
    ]);
    expect(problems(withNodes([agent('a', { limits: { mailboxCapacity: 1.5 } })]))).toEqual([
      'ORR204 nodes[0].limits.mailboxCapacity: expected a value of type integer, received 1.5',
    ]);
    const group = {
      type: 'group',
      name: 'g',
      strategy: 'one_for_one',
      periodMs: L.durationMs + 1,
      backoff: { minMs: 0, maxMs: 1e12, randomFactor: 0 },
    };
    expect(problems(withNodes([group]))).toEqual([
      `ORR204 nodes[0].periodMs: expected a number ≤ ${L.durationMs}, received ${L.durationMs + 1}`,
      `ORR204 nodes[0].backoff.maxMs: expected a number ≤ ${L.durationMs}, received 1000000000000`,
    ]);
    const text = JSON.stringify(withNodes([{ type: 'topic', name: 't', position: { x: 0, y: 0 } }])).replace('"y":0', '"y":1e999');
    const r = parseWorkspace(text);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `ORR204 nodes[0].position.y: expected a value of type number, received Infinity`,
    ]);
  });

  it('bounds nesting in free-form JSON, without overflowing the stack on 100,000 levels', () => {
    expect(problems(withNodes([agent('a', { config: nested(L.depth) })]))).toEqual([]);
    expect(problems(withNodes([agent('a', { config: nested(L.depth + 1) })]))).toEqual([
      `ORR204 nodes[0].config: expected at most ${L.depth} levels of nested arrays and objects, received deeper nesting`,
    ]);
    const deep = JSON.stringify(withNodes([])).replace('"composerHistory":[]', `"composerHistory":[${'['.repeat(1e5)}${']'.repeat(1e5)}]`);
    const r = parseWorkspace(deep);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `ORR204 composerHistory[0]: expected at most ${L.depth} levels of nested arrays and objects, received deeper nesting`,
    ]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = parseWorkspace(' '.repeat(L.fileBytes + 1));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `ORR204 (root): expected a file of at most ${L.fileBytes} characters, received ${L.fileBytes + 1} characters`,
    ]);
  });
});
