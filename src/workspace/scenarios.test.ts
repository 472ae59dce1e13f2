import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors';
import { judgeRun, containsSubset } from './match';
import type { Scenario } from './model';
import { bundledScenarioFiles, checkScenario, loadScenarios, PATTERN_ORDER, scenarioToWorkspace } from './scenarios';
import { toCommands } from './toCommands';
import { validateWorkspace } from './validateWorkspace';
import type { AclMessage } from '../protocol/message';

const MANIFEST = join(process.cwd(), 'public/agents/manifest.json');
// The manifest is a build output (npm run build:agents); without it kinds go unchecked.
const knownKinds = existsSync(MANIFEST)
  ? new Set((JSON.parse(readFileSync(MANIFEST, 'utf8')) as { kind: string }[]).map((k) => k.kind))
  : undefined;

describe('bundled pattern scenarios', () => {
  const loaded = loadScenarios(knownKinds ? { knownKinds } : {});

  it('all ten validate, in gallery order', () => {
    const broken = Object.entries(loaded.broken).map(([id, ps]) => `${id}: ${ps.map(formatProblem).join('; ')}`);
    expect(broken).toEqual([]);
    expect(loaded.scenarios.map((s) => s.id)).toEqual([...PATTERN_ORDER]);
  });

  it.each([...PATTERN_ORDER])('%s becomes a valid, laid-out workspace', (id) => {
    const s = loaded.scenarios.find((x) => x.id === id)!;
    const ws = scenarioToWorkspace(s);
    expect(validateWorkspace(ws, knownKinds ? { knownKinds } : {}).ok).toBe(true);
    expect(ws.nodes.every((n) => n.position)).toBe(true);
    const spots = new Set(ws.nodes.map((n) => `${n.position!.x},${n.position!.y}`));
    expect(spots.size).toBe(ws.nodes.length);
    const plan = toCommands(ws);
    expect(plan.commands.filter((c) => c.type === 'link.add')).toHaveLength(s.links.length);
  });

  it('refuses a broken scenario with the path of the problem', () => {
    const files = bundledScenarioFiles();
    const bad = structuredClone(files['contract-net']) as Scenario;
    bad.links.push(['manager', 'worker-9']);
    const r = checkScenario('contract-net', bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map(formatProblem)).toEqual(['ORR207 links[3].b: expected the name of a node in nodes[], received "worker-9"']);
    const noRun = { ...(files.pipeline as object), run: [] };
    const r2 = checkScenario('pipeline', noRun);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems[0]).toMatchObject({ path: 'run', expected: 'at least 1 item' });
  });
});

describe('judging a run', () => {
  const s = loadScenarios().scenarios.find((x) => x.id === 'contract-net')!;
  const msg = (sender: string, receiver: string, performative: string, content: unknown): AclMessage =>
    ({ id: 'm', sender, receiver, performative, content, sent_at: 0 }) as AclMessage;

  it('passes on the last matching report and fails with the reason otherwise', () => {
    const report = msg('manager', 'you', 'inform', { ...(s.expect.content as object), extra: true });
    expect(judgeRun(s, [msg('manager', 'worker-1', 'cfp', {}), report])).toEqual({ status: 'passed', report });
    expect(judgeRun(s, [msg('manager', 'worker-1', 'cfp', {})])).toEqual({ status: 'failed', report: null, why: 'no report from manager' });
    const wrong = msg('manager', 'you', 'failure', {});
    expect(judgeRun(s, [report, wrong])).toMatchObject({ status: 'failed', why: 'expected inform, received failure' });
  });

  it('matches content like toMatchObject', () => {
    expect(containsSubset({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { c: 2 }] })).toBe(true);
    expect(containsSubset({ b: [1, 2, 3] }, { b: [1, 2] })).toBe(false);
    expect(containsSubset({ a: '1' }, { a: 1 })).toBe(false);
    expect(containsSubset(null, {})).toBe(false);
  });
});
