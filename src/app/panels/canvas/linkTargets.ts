/** Which nodes a node can be linked to (keyboard linking): every other node not linked to it yet. */
import type { WorkbenchState } from '../../store/createWorkbenchStore';

type Input = Pick<WorkbenchState, 'agentOrder' | 'plainOrder' | 'plainNodes' | 'links'>;

export interface LinkTarget {
  name: string;
  /** `agent`, `topic` or `client`. */
  type: string;
}

export function linkTargets(s: Input, from: string, filter = ''): LinkTarget[] {
  const linked = new Set<string>();
  for (const l of Object.values(s.links)) {
    if (l.a === from) linked.add(l.b);
    if (l.b === from) linked.add(l.a);
  }
  const term = filter.trim().toLowerCase();
  const all: LinkTarget[] = [
    ...s.agentOrder.map((name) => ({ name, type: 'agent' })),
    ...s.plainOrder.map((name) => ({ name, type: s.plainNodes[name]?.kind ?? 'node' })),
  ];
  return all.filter((t) => t.name !== from && !linked.has(t.name) && (!term || t.name.toLowerCase().includes(term)));
}

/** The node "Link to…" starts from: the one selected node, if exactly one is. */
export function linkSource(s: Pick<WorkbenchState, 'selectedNodes' | 'selected' | 'agents' | 'plainNodes'>): string | null {
  const names = s.selectedNodes.length > 0 ? s.selectedNodes : s.selected ? [s.selected] : [];
  if (names.length !== 1) return null;
  const name = names[0]!;
  return s.agents[name] || s.plainNodes[name] ? name : null;
}
