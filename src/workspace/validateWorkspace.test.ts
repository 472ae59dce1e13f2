import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';
import { formatProblem } from './errors';
import type { Workspace } from './model';
import { parseWorkspace, validateWorkspace } from './validateWorkspace';

const KINDS = new Set(['echo', 'counter']);
// A minimal valid module header: "\0asm" + version 0x0d 0x00 0x01 0x00 (component layer).
const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
const HASH = 'ab'.repeat(32);

function good(): Workspace {
  return {
    orrery: 'workspace',
    version: 2,
    name: 'Demo',
    nodes: [
      { type: 'group', name: 'sup', strategy: 'one_for_all', position: { x: 0, y: 0 } },
      { type: 'topic', name: 'news', position: { x: 10, y: 20 } },
      { type: 'client', name: 'app' },
      {
        type: 'agent',
        name: 'echo-1',
        kind: 'echo',
        config: { a: 1 },
        limits: { deadlineMs: 200 },
        group: 'sup',
        position: { x: 40, y: 40 },
      },
      { type: 'agent', name: 'mine-1', kind: `custom:${HASH}` },
    ],
    links: [
      { a: 'echo-1', b: 'news' },
      { a: 'app', b: 'echo-1' },
    ],
    modules: [{ kind: `custom:${HASH}`, label: 'Mine', hash: HASH, bytes: bytesToBase64(WASM) }],
    composerHistory: [{ id: 'h1', text: '{}', performative: 'request', receiver: 'echo-1', mode: 'send', sentAt: 1 }],
  };
}

/** The problems of a broken document, as the one-line messages people see. */
function refused(value: unknown): string[] {
  const r = validateWorkspace(value, { knownKinds: KINDS });
  expect(r.ok, 'the document should be refused').toBe(false);
  return r.ok ? [] : r.problems.map(formatProblem);
}

function edit(fn: (ws: Workspace & Record<string, unknown>) => void): unknown {
  const ws = structuredClone(good()) as Workspace & Record<string, unknown>;
  fn(ws);
  return ws;
}

describe('validateWorkspace', () => {
  it('accepts a good document, unchanged', () => {
    const r = validateWorkspace(good(), { knownKinds: KINDS });
    expect(r).toEqual({ ok: true, value: good() });
  });

  it('refuses text that is not JSON', () => {
    const r = parseWorkspace('{"orrery": "workspace",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).toMatch(/^ORR201 \(root\): expected JSON text, received text that does not parse/);
  });

  it('refuses JSON that is not a workspace', () => {
    expect(refused([1, 2])).toEqual([
      'ORR202 (root): expected an object {"orrery": "workspace", "version": N, ...}, received an array [1,2]',
    ]);
    expect(refused({ orrery: 'cassette', version: 2 })).toEqual(['ORR202 orrery: expected "workspace", received "cassette"']);
  });

  it('refuses versions it does not know', () => {
    expect(refused(edit((ws) => ((ws as { version: unknown }).version = 7)))).toEqual([
      'ORR203 version: expected a whole number from 1 to 2, received 7',
    ]);
    expect(refused(edit((ws) => ((ws as { version: unknown }).version = '2')))).toEqual([
      'ORR203 version: expected a whole number from 1 to 2, received "2"',
    ]);
    expect(refused(edit((ws) => delete (ws as { version?: unknown }).version))).toEqual([
      'ORR203 version: expected a whole number from 1 to 2, received nothing',
    ]);
  });

  it('names the field of each schema violation, expected versus received', () => {
    expect(refused(edit((ws) => delete (ws as { name?: unknown }).name))).toEqual([
      'ORR204 name: expected a value (the field is required), received nothing',
    ]);
    expect(refused(edit((ws) => ((ws.nodes[3] as { limits: unknown }).limits = { deadlineMs: -5 })))).toEqual([
      'ORR204 nodes[3].limits.deadlineMs: expected a number ≥ 1, received -5',
    ]);
    expect(refused(edit((ws) => ((ws.nodes[1] as { type: string }).type = 'router')))).toEqual([
      'ORR204 nodes[1].type: expected one of "agent", "topic", "client", "group", received "router"',
    ]);
    expect(refused(edit((ws) => ((ws.nodes[2] as unknown as Record<string, unknown>).colour = 'red')))).toEqual([
      'ORR204 nodes[2].colour: expected no such field (allowed: type, name, position), received "red"',
    ]);
    expect(refused(edit((ws) => ((ws.nodes[1] as { position: unknown }).position = { x: '1', y: 2 })))).toEqual([
      'ORR204 nodes[1].position.x: expected a value of type number, received "1"',
    ]);
    expect(refused(edit((ws) => ((ws.nodes[0] as { strategy: string }).strategy = 'all_for_one')))).toEqual([
      'ORR204 nodes[0].strategy: expected one of "one_for_one", "one_for_all", "rest_for_one", received "all_for_one"',
    ]);
    expect(refused(edit((ws) => ((ws as { links: unknown }).links = [['a', 'b']])))).toEqual([
      'ORR204 links[0]: expected a value of type object, received an array ["a","b"]',
    ]);
  });

  it('refuses an unknown agent kind', () => {
    expect(refused(edit((ws) => ((ws.nodes[3] as { kind: string }).kind = 'teleporter')))).toEqual([
      'ORR208 nodes[3].kind: expected a known agent kind (echo, counter), received "teleporter"',
    ]);
    // A custom kind without its module.
    expect(refused(edit((ws) => (ws.modules = [])))).toEqual([
      `ORR208 nodes[4].kind: expected a custom kind with its module in modules[], received "custom:${HASH}"`,
    ]);
  });

  it('refuses duplicate and invalid names', () => {
    // Renaming the client also leaves its link dangling: both are reported.
    expect(refused(edit((ws) => (ws.nodes[2]!.name = 'news')))).toEqual([
      'ORR205 nodes[2].name: expected a name not used before (nodes[1] is already "news"), received "news"',
      'ORR207 links[1].a: expected the name of a node in nodes[], received "app"',
    ]);
    expect(refused(edit((ws) => (ws.nodes[2]!.name = 'you')))[0]).toBe(
      'ORR206 nodes[2].name: expected a valid node name, received "you" ("you" is reserved)',
    );
  });

  it('refuses links to missing nodes, self-links, duplicates and links to groups', () => {
    expect(refused(edit((ws) => (ws.links[1]!.b = 'ghost')))).toEqual([
      'ORR207 links[1].b: expected the name of a node in nodes[], received "ghost"',
    ]);
    expect(refused(edit((ws) => ws.links.push({ a: 'news', b: 'echo-1' })))).toEqual([
      'ORR207 links[2]: expected one link per pair (links[0] already joins them), received "news"–"echo-1" again',
    ]);
    expect(refused(edit((ws) => ws.links.push({ a: 'app', b: 'app' })))).toEqual([
      'ORR207 links[2]: expected two different nodes, received a link from "app" to itself',
    ]);
    expect(refused(edit((ws) => ws.links.push({ a: 'app', b: 'sup' })))).toEqual([
      'ORR207 links[2].b: expected an agent, topic or client (groups are not on the network), received group "sup"',
    ]);
  });

  it('refuses bad modules', () => {
    expect(refused(edit((ws) => (ws.modules[0]!.bytes = 'not base64!')))).toEqual([
      'ORR209 modules[0].bytes: expected the component bytes as padded base64, received "not base64!"',
    ]);
    expect(refused(edit((ws) => (ws.modules[0]!.bytes = bytesToBase64(new TextEncoder().encode('hello world')))))).toEqual([
      'ORR209 modules[0].bytes: expected a WebAssembly component (starts with \\0asm), received 11 bytes that are not WebAssembly',
    ]);
    expect(refused(edit((ws) => (ws.modules[0]!.hash = 'cd'.repeat(32))))[0]).toBe(
      `ORR209 modules[0].kind: expected "custom:${'cd'.repeat(32)}" (custom: + the module's hash), received "custom:${HASH}"`,
    );
  });

  it('refuses an agent in a group that does not exist', () => {
    expect(refused(edit((ws) => ((ws.nodes[3] as { group: string }).group = 'nobody')))).toEqual([
      'ORR210 nodes[3].group: expected a group node (sup), received "nobody"',
    ]);
  });

  it('skips the kind check when no kinds are given', () => {
    const ws = edit((w) => ((w.nodes[3] as { kind: string }).kind = 'anything'));
    expect(validateWorkspace(ws).ok).toBe(true);
  });
});
