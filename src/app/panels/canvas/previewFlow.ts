/**
 * The saved workspace's nodes and links that the kernel does not have yet, as React Flow
 * nodes and edges: drawn while the workers start, dropped one by one as nodes deploy.
 */
import type { WorkspacePreview } from './canvasSlice';
import type { LinkFlowEdge } from './LinkEdge';
import type { PreviewFlowNode } from './PreviewNode';
import type { GraphInput } from './syncFlow';

type Live = Pick<GraphInput, 'agents' | 'plainNodes' | 'links'>;

const isLive = (g: Live, name: string) => !!g.agents[name] || !!g.plainNodes[name];

export function previewNodes(preview: WorkspacePreview | null, g: Live, labelOf: (kind: string) => string): PreviewFlowNode[] {
  if (!preview) return [];
  return preview.nodes
    .filter((n) => !isLive(g, n.name))
    .map((n) => ({
      id: n.name,
      type: 'preview' as const,
      position: n.position,
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      // Not focusable (nothing to do with it yet), but still found by its name.
      ariaRole: 'group' as const,
      ariaLabel: `${n.type} ${n.name}`,
      data: { name: n.name, type: n.type, kindLabel: n.kind ? labelOf(n.kind) : n.type },
    }));
}

export function previewEdges(preview: WorkspacePreview | null, g: Live): LinkFlowEdge[] {
  if (!preview) return [];
  const live = new Set(Object.values(g.links).map((l) => `${l.a}\u0000${l.b}`));
  return preview.links
    .filter((l) => !live.has(`${l.a}\u0000${l.b}`))
    .map((l, i) => ({
      id: `preview:${i}:${l.a}--${l.b}`,
      source: l.a,
      target: l.b,
      selectable: false,
      focusable: false,
      className: 'preview-edge',
      ariaLabel: `link ${l.a} to ${l.b} (starting)`,
    }));
}

/** Starting agents: how many of the preview's agents run already. */
export function startingProgress(preview: WorkspacePreview | null, g: Pick<GraphInput, 'agents'>): { running: number; total: number } {
  const agents = (preview?.nodes ?? []).filter((n) => n.type === 'agent');
  return { running: agents.filter((n) => g.agents[n.name]?.status === 'running').length, total: agents.length };
}
