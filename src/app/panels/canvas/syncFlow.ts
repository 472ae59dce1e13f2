/**
 * The store's graph as React Flow nodes and edges. Objects that did not change are
 * reused: React Flow keeps measurements on them and skips re-rendering them.
 */
import { Position, type Node, type NodeHandle } from '@xyflow/react';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { NODE_WIDTH } from '../../store/layout';
import type { AgentFlowNode, SearchMark } from './AgentNode';
import type { LinkFlowEdge } from './LinkEdge';
import type { GroupFlowNode } from './GroupNode';
import type { PlainFlowNode } from './PlainNode';

export type FlowNode = AgentFlowNode | PlainFlowNode | GroupFlowNode;

/** An agent node's height on the canvas (see `.agent-node`), for group frames. */
export const AGENT_HEIGHT = 96;
const GROUP_PAD = 14;
const GROUP_TITLE = 26;

export type GraphInput = Pick<
  WorkbenchState,
  | 'agents'
  | 'agentOrder'
  | 'plainNodes'
  | 'plainOrder'
  | 'groups'
  | 'membership'
  | 'positions'
  | 'links'
  | 'selectedNodes'
  | 'selectedLink'
  | 'search'
>;

export function searchMark(name: string, search: string): SearchMark {
  const term = search.trim().toLowerCase();
  if (!term) return undefined;
  return name.toLowerCase().includes(term) ? 'hit' : 'miss';
}

/** Names matching the search, in canvas order. */
export function searchMatches(g: Pick<GraphInput, 'agentOrder' | 'plainOrder' | 'search'>): string[] {
  return [...g.agentOrder, ...g.plainOrder].filter((n) => searchMark(n, g.search) === 'hit');
}

/** Agent handles (10 px + 2 px border, centred on the left and right edges: see `.agent-handle`). */
const HANDLE = 14;
const AGENT_HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -HANDLE / 2, y: AGENT_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  { type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE / 2, y: AGENT_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
];

/**
 * Size and handles of an agent node React Flow has not measured yet. Without them it
 * renders every new node once, off screen or not, to measure it: deploying 10,000 agents
 * mounted and unmounted 10,000 nodes. Once measured, its own measurements count.
 */
function unmeasured(old: Node | undefined): Pick<Node, 'handles' | 'initialWidth' | 'initialHeight'> {
  if (old?.measured?.width !== undefined) return { handles: undefined };
  return { handles: AGENT_HANDLES, initialWidth: NODE_WIDTH, initialHeight: AGENT_HEIGHT };
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

function reuse<N extends Node>(old: Node | undefined, next: N): N {
  if (
    old &&
    old.type === next.type &&
    old.position.x === next.position.x &&
    old.position.y === next.position.y &&
    (old.selected ?? false) === (next.selected ?? false) &&
    (old.handles === undefined) === (next.handles === undefined) &&
    shallowEqual(old.data, next.data)
  ) {
    return old as N;
  }
  return old ? ({ ...old, ...next } as N) : next;
}

export function syncNodes(prev: readonly FlowNode[], g: GraphInput, labelOf: (kind: string) => string): FlowNode[] {
  const byId = new Map<string, FlowNode>(prev.map((n) => [n.id, n]));
  const selected = new Set(g.selectedNodes);
  const next: FlowNode[] = [];

  // Group frames first, so that they are drawn behind their members.
  const members = new Map<string, string[]>();
  for (const [agent, group] of Object.entries(g.membership)) {
    if (!g.agents[agent] || !g.groups[group]) continue;
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(agent);
  }
  for (const [name, group] of Object.entries(g.groups)) {
    const list = members.get(name) ?? [];
    const boxes = list.map((m) => g.positions[m]).filter((p) => p !== undefined);
    if (boxes.length === 0) continue;
    const minX = Math.min(...boxes.map((p) => p.x)) - GROUP_PAD;
    const minY = Math.min(...boxes.map((p) => p.y)) - GROUP_PAD - GROUP_TITLE;
    const maxX = Math.max(...boxes.map((p) => p.x)) + NODE_WIDTH + GROUP_PAD;
    const maxY = Math.max(...boxes.map((p) => p.y)) + AGENT_HEIGHT + GROUP_PAD;
    next.push(
      reuse<GroupFlowNode>(byId.get(name), {
        id: name,
        type: 'group',
        position: { x: minX, y: minY },
        selected: selected.has(name),
        draggable: false,
        zIndex: -1,
        ariaLabel: `group ${name}`,
        data: { group, members: list.length, width: maxX - minX, height: maxY - minY },
      }),
    );
  }

  for (const name of g.agentOrder) {
    const agent = g.agents[name];
    if (!agent) continue;
    const group = g.membership[name];
    const old = byId.get(name);
    next.push(
      reuse<AgentFlowNode>(old, {
        ...unmeasured(old),
        id: name,
        type: 'agent',
        position: g.positions[name] ?? { x: 0, y: 0 },
        selected: selected.has(name),
        ariaLabel: `agent ${name}`,
        data: {
          name,
          status: agent.status,
          restarts: agent.restarts,
          kindLabel: labelOf(agent.kind),
          search: searchMark(name, g.search),
          ...(group && g.groups[group] ? { group } : {}),
        },
      }),
    );
  }

  const linkCount = new Map<string, number>();
  for (const link of Object.values(g.links)) {
    linkCount.set(link.a, (linkCount.get(link.a) ?? 0) + 1);
    linkCount.set(link.b, (linkCount.get(link.b) ?? 0) + 1);
  }
  for (const name of g.plainOrder) {
    const node = g.plainNodes[name];
    if (!node) continue;
    next.push(
      reuse<PlainFlowNode>(byId.get(name), {
        id: name,
        type: node.kind,
        position: g.positions[name] ?? { x: 0, y: 0 },
        selected: selected.has(name),
        ariaLabel: `${node.kind} ${name}`,
        data: { name, kind: node.kind, links: linkCount.get(name) ?? 0, search: searchMark(name, g.search) },
      }),
    );
  }
  return sameItems(prev, next) ? (prev as FlowNode[]) : next;
}

/** Whether two lists hold the same objects in the same order (then the old list is kept). */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function syncEdges(prev: readonly LinkFlowEdge[], g: GraphInput): LinkFlowEdge[] {
  const byId = new Map(prev.map((e) => [e.id, e]));
  const next = Object.values(g.links).map((link): LinkFlowEdge => {
    const selected = g.selectedLink === link.id;
    const old = byId.get(link.id);
    if (old && (old.selected ?? false) === selected && old.source === link.a && old.target === link.b) return old;
    return {
      ...(old ?? {}),
      id: link.id,
      source: link.a,
      target: link.b,
      type: 'link' as const,
      selected,
      ariaLabel: `link ${link.a} to ${link.b}`,
      data: {},
    };
  });
  // Nothing changed: the same list, so React Flow does no work at all.
  return sameItems(prev, next) ? (prev as LinkFlowEdge[]) : next;
}
