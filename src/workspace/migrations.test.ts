import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors';
import { importWorkspace, serializeWorkspace } from './exportImport';
import { migrate, MIGRATIONS } from './migrations';
import { CURRENT_VERSION, type WorkspaceV1 } from './model';
import { parseWorkspace, validateWorkspace } from './validateWorkspace';

const V1: WorkspaceV1 = {
  orrery: 'workspace',
  version: 1,
  name: 'Old one',
  agents: [
    { name: 'echo-1', kind: 'echo', x: 40, y: 60 },
    { name: 'counter-1', kind: 'counter', config: { start: 3 } },
  ],
  links: [['echo-1', 'counter-1']],
};

describe('migrations', () => {
  it('has one step per version up to the current one', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[1, 2]]);
    expect(CURRENT_VERSION).toBe(2);
  });

  it('turns a version 1 file into the current shape', () => {
    const r = validateWorkspace(V1, { knownKinds: new Set(['echo', 'counter']) });
    expect(r).toEqual({
      ok: true,
      value: {
        orrery: 'workspace',
        version: 2,
        name: 'Old one',
        nodes: [
          { type: 'agent', name: 'echo-1', kind: 'echo', position: { x: 40, y: 60 } },
          { type: 'agent', name: 'counter-1', kind: 'counter', config: { start: 3 } },
        ],
        links: [{ a: 'echo-1', b: 'counter-1' }],
        modules: [],
        composerHistory: [],
      },
    });
  });

  it('is idempotent: a migrated document migrates to itself, and survives export and import', () => {
    const once = validateWorkspace(V1);
    if (!once.ok) throw new Error('v1 refused');
    expect(migrate(once.value, CURRENT_VERSION)).toBe(once.value);
    const again = parseWorkspace(serializeWorkspace(once.value));
    expect(again).toEqual(once);
  });

  it('checks an old file against its own schema before migrating it', () => {
    const bad = { ...V1, agents: [{ name: 'echo-1', kind: 'echo', x: 'left' }] };
    const r = validateWorkspace(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({ code: 'ORR204', path: 'agents[0].x', expected: 'a value of type number', received: '"left"' });
  });

  it('applies cross-reference rules to migrated files too', () => {
    const r = validateWorkspace({ ...V1, links: [['echo-1', 'nobody']] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'ORR207', path: 'links[0].b' });
  });

  it('imports a version 1 file as written by that version ($schema included) and exports it as the current version', () => {
    const text = readFileSync(new URL('./fixtures/version-1.orrery.json', import.meta.url), 'utf8');
    const r = importWorkspace(text, { knownKinds: new Set(['echo', 'counter']) });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.value).toEqual({
      orrery: 'workspace',
      version: CURRENT_VERSION,
      name: 'Saved by version 1',
      nodes: [
        { type: 'agent', name: 'echo-1', kind: 'echo', position: { x: 40, y: 60 } },
        { type: 'agent', name: 'counter-1', kind: 'counter', config: { start: 3 }, position: { x: 300, y: 60 } },
        { type: 'agent', name: 'constructor', kind: 'echo' },
      ],
      links: [
        { a: 'echo-1', b: 'counter-1' },
        { a: 'constructor', b: 'echo-1' },
      ],
      modules: [],
      composerHistory: [],
    });
    const exported = JSON.parse(serializeWorkspace(r.value)) as { $schema: string; version: number };
    expect(exported).toMatchObject({ $schema: 'https://orrery.dev/schemas/orrery.workspace-2.schema.json', version: CURRENT_VERSION });
    expect(importWorkspace(serializeWorkspace(r.value))).toEqual({ ok: true, value: r.value });
  });

  it('accepts any schema reference in an old file, a local copy included', () => {
    expect(validateWorkspace({ ...V1, $schema: './orrery.workspace-1.schema.json' }).ok).toBe(true);
  });
});
