/**
 * What a schema cannot say about a workspace: names unique and valid on the network, kinds
 * known, modules sound, groups and links pointing at nodes of the same file, experiment
 * names unique, values not nested too deep. Every loop stops once the problem list is full.
 * Lookups go through Maps and Sets, never plain objects, so `__proto__` or `constructor`
 * as a name or a kind is just a string.
 */
import { nameProblem } from '../protocol/names';
import { base64ToBytes } from './base64';
import { fileProblem } from '../protocol/errors';
import { describeReceived } from './errors';
import { exceedsDepth } from './jsonDepth';
import { WORKSPACE_LIMITS } from './limits';
import type { Workspace } from './model';
import type { ProblemList } from './problemList';

export interface CrossCheckOptions {
  /** Agent kinds the workbench can spawn; omitted = not checked. */
  knownKinds?: ReadonlySet<string>;
}

/** Known kinds and groups named in one problem. */
const MAX_LISTED_KINDS = 12;

export function crossCheck(ws: Workspace, options: CrossCheckOptions, list: ProblemList): void {
  const nodeIndex = checkNames(ws, list);
  const moduleKinds = checkModules(ws, list);
  checkNodes(ws, moduleKinds, options.knownKinds, list);
  checkExperiments(ws, list);
  checkLinks(ws, nodeIndex, list);
  checkDepth(ws, list);
}

/** Names valid and unique; returns name → index of its node. */
function checkNames(ws: Workspace, list: ProblemList): Map<string, number> {
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < ws.nodes.length && !list.full; i++) {
    const name = ws.nodes[i]!.name;
    const why = nameProblem(name);
    if (why) list.add(fileProblem('ORR206', `nodes[${i}].name`, 'a valid node name', `${describeReceived(name)} (${why})`));
    const first = nodeIndex.get(name);
    if (first !== undefined) {
      list.add(
        fileProblem('ORR205', `nodes[${i}].name`, `a name not used before (nodes[${first}] is already "${name}")`, describeReceived(name)),
      );
    } else nodeIndex.set(name, i);
  }
  return nodeIndex;
}

/** Modules sound; returns the kinds they provide. */
function checkModules(ws: Workspace, list: ProblemList): Set<string> {
  const kinds = new Set<string>();
  ws.modules.forEach((m, i) => {
    if (list.full) return;
    if (m.kind !== `custom:${m.hash}`) {
      list.add(fileProblem('ORR209', `modules[${i}].kind`, `"custom:${m.hash}" (custom: + the module's hash)`, describeReceived(m.kind)));
    }
    const bytes = base64ToBytes(m.bytes);
    if (!bytes)
      list.add(fileProblem('ORR209', `modules[${i}].bytes`, 'the component bytes as padded base64', describeReceived(m.bytes, 24)));
    else if (!isWasm(bytes))
      list.add(
        fileProblem(
          'ORR209',
          `modules[${i}].bytes`,
          'a WebAssembly component (starts with \\0asm)',
          `${bytes.length} bytes that are not WebAssembly`,
        ),
      );
    kinds.add(m.kind);
  });
  return kinds;
}

/** Kinds known, groups existing, not too many groups. */
function checkNodes(ws: Workspace, moduleKinds: ReadonlySet<string>, knownKinds: ReadonlySet<string> | undefined, list: ProblemList): void {
  const groups = new Set(ws.nodes.filter((n) => n.type === 'group').map((n) => n.name));
  if (groups.size > WORKSPACE_LIMITS.groups) {
    list.add(fileProblem('ORR204', 'nodes', `at most ${WORKSPACE_LIMITS.groups} group nodes`, `${groups.size} group nodes`));
  }
  for (let i = 0; i < ws.nodes.length && !list.full; i++) {
    const node = ws.nodes[i]!;
    if (node.type === 'agent') {
      if (knownKinds && !moduleKinds.has(node.kind) && !knownKinds.has(node.kind)) {
        list.add(fileProblem('ORR208', `nodes[${i}].kind`, expectedKind(node.kind, knownKinds), describeReceived(node.kind)));
      }
      if (node.group !== undefined && !groups.has(node.group)) {
        list.add(fileProblem('ORR210', `nodes[${i}].group`, groupList(groups), describeReceived(node.group)));
      }
    } else if (node.type === 'group' && node.parent !== undefined && (!groups.has(node.parent) || node.parent === node.name)) {
      list.add(fileProblem('ORR210', `nodes[${i}].parent`, `another ${groupList(groups)}`, describeReceived(node.parent)));
    }
  }
}

function expectedKind(kind: string, knownKinds: ReadonlySet<string>): string {
  if (kind.startsWith('custom:')) return 'a custom kind with its module in modules[]';
  const builtIn = [...knownKinds].filter((k) => !k.startsWith('custom:'));
  const shown = builtIn.slice(0, MAX_LISTED_KINDS).join(', ') + (builtIn.length > MAX_LISTED_KINDS ? ', …' : '');
  return `a known agent kind (${shown})`;
}

function checkExperiments(ws: Workspace, list: ProblemList): void {
  uniqueNames('experiments', ws.experiments ?? [], list);
  uniqueNames('loads', ws.loads ?? [], list);
}

function uniqueNames(field: 'experiments' | 'loads', entries: readonly { name: string }[], list: ProblemList): void {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = seen.get(e.name);
    if (first !== undefined)
      list.add(
        fileProblem(
          'ORR211',
          `${field}[${i}].name`,
          `a name not used before (${field}[${first}] is already "${e.name}")`,
          describeReceived(e.name),
        ),
      );
    else seen.set(e.name, i);
  });
}

/** Each end a node that is on the network, no self-links, one link per pair. */
function checkLinks(ws: Workspace, nodeIndex: ReadonlyMap<string, number>, list: ProblemList): void {
  const pairs = new Map<string, number>();
  for (let i = 0; i < ws.links.length && !list.full; i++) {
    const link = ws.links[i]!;
    for (const end of ['a', 'b'] as const) {
      const at = nodeIndex.get(link[end]);
      const target = at === undefined ? undefined : ws.nodes[at];
      if (!target) list.add(fileProblem('ORR207', `links[${i}].${end}`, 'the name of a node in nodes[]', describeReceived(link[end])));
      else if (target.type === 'group')
        list.add(
          fileProblem(
            'ORR207',
            `links[${i}].${end}`,
            'an agent, topic or client (groups are not on the network)',
            `group ${describeReceived(link[end])}`,
          ),
        );
    }
    if (link.a === link.b)
      list.add(fileProblem('ORR207', `links[${i}]`, 'two different nodes', `a link from ${describeReceived(link.a)} to itself`));
    const key = link.a < link.b ? `${link.a}\u0000${link.b}` : `${link.b}\u0000${link.a}`;
    const first = pairs.get(key);
    if (first !== undefined)
      list.add(
        fileProblem(
          'ORR207',
          `links[${i}]`,
          `one link per pair (links[${first}] already joins them)`,
          `${describeReceived(link.a)}–${describeReceived(link.b)} again`,
        ),
      );
    else pairs.set(key, i);
  }
}

/** Free-form JSON (agent config, history entries, experiments) nests at most `depth` levels. */
function checkDepth(ws: Workspace, list: ProblemList): void {
  const { depth } = WORKSPACE_LIMITS;
  const tooDeep = (path: string, value: unknown) => {
    if (!list.full && exceedsDepth(value, depth))
      list.add(fileProblem('ORR204', path, `at most ${depth} levels of nested arrays and objects`, 'deeper nesting'));
  };
  ws.nodes.forEach((n, i) => n.type === 'agent' && n.config !== undefined && tooDeep(`nodes[${i}].config`, n.config));
  ws.composerHistory.forEach((entry, i) => tooDeep(`composerHistory[${i}]`, entry));
  (ws.experiments ?? []).forEach((e, i) => tooDeep(`experiments[${i}]`, e));
  (ws.loads ?? []).forEach((e, i) => tooDeep(`loads[${i}]`, e));
  if (ws.contracts !== undefined) tooDeep('contracts', ws.contracts);
}

function groupList(groups: ReadonlySet<string>): string {
  if (groups.size === 0) return 'a group node (there are none)';
  const names = [...groups];
  return `a group node (${names.slice(0, MAX_LISTED_KINDS).join(', ')}${names.length > MAX_LISTED_KINDS ? ', …' : ''})`;
}

function isWasm(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}
