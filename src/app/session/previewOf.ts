/** A saved workspace as the canvas preview drawn while its agents start. */
import type { Workspace } from '../../workspace';
import type { PreviewNode, WorkspacePreview } from '../panels/canvas/canvasSlice';

export function previewOf(ws: Workspace): WorkspacePreview {
  const nodes: PreviewNode[] = [];
  let i = 0;
  for (const node of ws.nodes) {
    if (node.type === 'group') continue;
    // A node saved without a position gets a spot of its own (the grid the canvas uses).
    const position = node.position ?? { x: 40 + (i % 5) * 280, y: 40 + Math.floor(i / 5) * 150 };
    i++;
    nodes.push({ name: node.name, type: node.type, ...(node.type === 'agent' ? { kind: node.kind } : {}), position });
  }
  return { nodes, links: ws.links.map((l) => ({ a: l.a, b: l.b })) };
}
