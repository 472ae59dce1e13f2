/**
 * What the canvas draws, read from the store with an equality that ignores what does not
 * show (counters change with every batch; the live numbers go straight to the DOM).
 */
import type { Edge } from '@xyflow/react';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import type { LinkFlowEdge } from './LinkEdge';
import type { PreviewFlowNode } from './PreviewNode';
import type { FlowNode, GraphInput } from './syncFlow';

export type CanvasNode = FlowNode | PreviewFlowNode;
export type CanvasEdge = LinkFlowEdge | Edge;

export type GraphView = GraphInput & { kinds: WorkbenchState['kinds']; preview: WorkbenchState['preview'] };

export const graphSelector = (s: WorkbenchState): GraphView => ({
  agents: s.agents,
  agentOrder: s.agentOrder,
  plainNodes: s.plainNodes,
  plainOrder: s.plainOrder,
  groups: s.groups,
  membership: s.membership,
  positions: s.positions,
  links: s.links,
  selectedNodes: s.selectedNodes,
  selectedLink: s.selectedLink,
  search: s.search,
  kinds: s.kinds,
  preview: s.preview,
});

function sameEach<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const y = b[key];
    if (y === undefined || !same(a[key]!, y)) return false;
  }
  return true;
}

/**
 * The canvas re-renders when what it draws changed: every event batch replaces `agents`
 * and `links` (counters), but a node shows only an agent's name, kind, status and
 * restarts and an edge its ends.
 */
export function sameGraph(a: GraphView, b: GraphView): boolean {
  for (const key of Object.keys(a) as (keyof GraphView)[]) {
    if (key === 'agents' || key === 'links' || Object.is(a[key], b[key])) continue;
    return false;
  }
  return (
    sameEach(a.agents, b.agents, (x, y) => x.status === y.status && x.restarts === y.restarts && x.kind === y.kind) &&
    sameEach(a.links, b.links, (x, y) => x.a === y.a && x.b === y.b)
  );
}
