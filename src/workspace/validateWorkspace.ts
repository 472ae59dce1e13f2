/**
 * The one gate every workspace passes before it is used: parse, recognise, check the
 * version's schema, migrate, check the current schema, then the cross-references a
 * schema cannot express (unique names, links to existing nodes, known kinds, modules,
 * groups). Returns the workspace or every problem found, never throws.
 */
import { nameProblem } from '../protocol/names';
import { base64ToBytes } from './base64';
import { describeReceived, problem, type Checked, type WorkspaceProblem } from './errors';
import { CURRENT_VERSION, WORKSPACE_MARKER, type Workspace } from './model';
import { migrate, OLDEST_VERSION, SCHEMA_OF_VERSION } from './migrations';
import { schemaProblems } from './schema';

export interface ValidateOptions {
  /**
   * Agent kinds the workbench can spawn (built-in ids and registered `custom:` kinds).
   * Kinds backed by the document's own modules are always known. Omit to skip the check.
   */
  knownKinds?: ReadonlySet<string>;
}

/** Parse text (a file, an IndexedDB record) and validate it. */
export function parseWorkspace(text: string, options: ValidateOptions = {}): Checked<Workspace> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('WS001', '(root)', 'JSON text', `text that does not parse (${detail})`)] };
  }
  return validateWorkspace(value, options);
}

export function validateWorkspace(value: unknown, options: ValidateOptions = {}): Checked<Workspace> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(problem('WS002', '(root)', 'an object {"orrery": "workspace", "version": N, ...}', describeReceived(value)));
  }
  const doc = value as Record<string, unknown>;
  if (doc.orrery !== WORKSPACE_MARKER) {
    return fail(problem('WS002', 'orrery', JSON.stringify(WORKSPACE_MARKER), describeReceived(doc.orrery)));
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION || version > CURRENT_VERSION) {
    return fail(problem('WS003', 'version', `a whole number from ${OLDEST_VERSION} to ${CURRENT_VERSION}`, describeReceived(version)));
  }
  const own = schemaProblems(SCHEMA_OF_VERSION[version]!, doc);
  if (own.length > 0) return { ok: false, problems: own };
  const migrated = migrate(doc, version);
  if (migrated !== doc) {
    const after = schemaProblems('workspace-v2', migrated);
    if (after.length > 0) return { ok: false, problems: after };
  }
  const workspace = migrated as Workspace;
  const problems = crossCheck(workspace, options);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: workspace };
}

function fail(p: WorkspaceProblem): Checked<Workspace> {
  return { ok: false, problems: [p] };
}

const MAX_LISTED_KINDS = 12;

function crossCheck(ws: Workspace, { knownKinds }: ValidateOptions): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = [];
  const nodeIndex = new Map<string, number>();
  ws.nodes.forEach((node, i) => {
    const why = nameProblem(node.name);
    if (why) problems.push(problem('WS006', `nodes[${i}].name`, 'a valid node name', `${describeReceived(node.name)} (${why})`));
    const first = nodeIndex.get(node.name);
    if (first !== undefined) {
      problems.push(problem('WS005', `nodes[${i}].name`, `a name not used before (nodes[${first}] is already "${node.name}")`, describeReceived(node.name)));
    } else nodeIndex.set(node.name, i);
  });

  const moduleKinds = new Set<string>();
  ws.modules.forEach((m, i) => {
    if (m.kind !== `custom:${m.hash}`) {
      problems.push(problem('WS009', `modules[${i}].kind`, `"custom:${m.hash}" (custom: + the module's hash)`, describeReceived(m.kind)));
    }
    const bytes = base64ToBytes(m.bytes);
    if (!bytes) problems.push(problem('WS009', `modules[${i}].bytes`, 'the component bytes as padded base64', describeReceived(m.bytes, 24)));
    else if (!isWasm(bytes)) problems.push(problem('WS009', `modules[${i}].bytes`, 'a WebAssembly component (starts with \\0asm)', `${bytes.length} bytes that are not WebAssembly`));
    moduleKinds.add(m.kind);
  });

  const groups = new Set(ws.nodes.filter((n) => n.type === 'group').map((n) => n.name));
  ws.nodes.forEach((node, i) => {
    if (node.type === 'agent') {
      const known = moduleKinds.has(node.kind) || !knownKinds || knownKinds.has(node.kind);
      if (!known) {
        const list = [...knownKinds!].filter((k) => !k.startsWith('custom:'));
        const shown = list.slice(0, MAX_LISTED_KINDS).join(', ') + (list.length > MAX_LISTED_KINDS ? ', …' : '');
        const expected = node.kind.startsWith('custom:') ? 'a custom kind with its module in modules[]' : `a known agent kind (${shown})`;
        problems.push(problem('WS008', `nodes[${i}].kind`, expected, describeReceived(node.kind)));
      }
      if (node.group !== undefined && !groups.has(node.group)) {
        problems.push(problem('WS010', `nodes[${i}].group`, groupList(groups), describeReceived(node.group)));
      }
    } else if (node.type === 'group' && node.parent !== undefined && (!groups.has(node.parent) || node.parent === node.name)) {
      problems.push(problem('WS010', `nodes[${i}].parent`, `another ${groupList(groups)}`, describeReceived(node.parent)));
    }
  });

  const experiments = new Map<string, number>();
  (ws.experiments ?? []).forEach((e, i) => {
    const first = experiments.get(e.name);
    if (first !== undefined) problems.push(problem('WS011', `experiments[${i}].name`, `a name not used before (experiments[${first}] is already "${e.name}")`, describeReceived(e.name)));
    else experiments.set(e.name, i);
  });

  const pairs = new Map<string, number>();
  ws.links.forEach((link, i) => {
    for (const end of ['a', 'b'] as const) {
      const target = ws.nodes[nodeIndex.get(link[end]) ?? -1];
      if (!target) problems.push(problem('WS007', `links[${i}].${end}`, 'the name of a node in nodes[]', describeReceived(link[end])));
      else if (target.type === 'group') problems.push(problem('WS007', `links[${i}].${end}`, 'an agent, topic or client (groups are not on the network)', `group ${describeReceived(link[end])}`));
    }
    if (link.a === link.b) problems.push(problem('WS007', `links[${i}]`, 'two different nodes', `a link from ${describeReceived(link.a)} to itself`));
    const key = [link.a, link.b].sort().join('\u0000');
    const first = pairs.get(key);
    if (first !== undefined) problems.push(problem('WS007', `links[${i}]`, `one link per pair (links[${first}] already joins them)`, `${describeReceived(link.a)}–${describeReceived(link.b)} again`));
    else pairs.set(key, i);
  });
  return problems;
}

function groupList(groups: ReadonlySet<string>): string {
  return groups.size === 0 ? 'a group node (there are none)' : `a group node (${[...groups].join(', ')})`;
}

function isWasm(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}
