/**
 * Workspace document → what rebuilds it through the WorkbenchApi: modules to register,
 * then kernel commands in dependency order (groups, topics and clients before the agents
 * that live in or talk to them, agents before the links between them), then the canvas
 * state. Pure: the app carries the plan out.
 */
import type { Experiment } from '../experiments/chaos/types';
import { DEFAULT_SUPERVISOR } from '../kernel/resilienceTypes';
import type { AgentSpec, Command } from '../kernel/types';
import type { JsonValue } from '../protocol/message';
import type { GroupNode, SavedContracts, SavedLoadExperiment, Workspace, WorkspaceModule, XY } from './model';

export interface RestorePlan {
  /** Register these first: agents may be of their kinds. */
  modules: WorkspaceModule[];
  commands: Command[];
  positions: Record<string, XY>;
  composerHistory: JsonValue[];
  /** Saved chaos experiments, for the store's `setExperiments` (empty = none). */
  experiments: Experiment[];
  /** Saved load experiments, for the store's `setSavedLoads` (empty = none). */
  loads: SavedLoadExperiment[];
  /** The contracts in use, for the store's `setContracts` (null = none). */
  contracts: SavedContracts | null;
}

export function toCommands(ws: Workspace): RestorePlan {
  const commands: Command[] = [];
  for (const g of parentsFirst(ws.nodes.filter((n): n is GroupNode => n.type === 'group'))) {
    commands.push({
      type: 'group.create',
      spec: {
        ...DEFAULT_SUPERVISOR,
        name: g.name,
        strategy: g.strategy,
        ...(g.intensity !== undefined ? { intensity: g.intensity } : {}),
        ...(g.periodMs !== undefined ? { periodMs: g.periodMs } : {}),
        ...(g.backoff !== undefined ? { backoff: { ...g.backoff } } : {}),
        ...(g.parent !== undefined ? { parent: g.parent } : {}),
      },
    });
  }
  for (const n of ws.nodes) if (n.type === 'topic') commands.push({ type: 'topic.create', name: n.name });
  for (const n of ws.nodes) if (n.type === 'client') commands.push({ type: 'client.create', name: n.name });
  for (const n of ws.nodes) {
    if (n.type !== 'agent') continue;
    const spec: AgentSpec = { name: n.name, kind: n.kind };
    if (n.config !== undefined) spec.config = n.config;
    if (n.limits) spec.limits = { ...n.limits };
    if (n.group !== undefined) spec.group = n.group;
    if (n.isolated !== undefined) spec.isolated = n.isolated;
    if (n.restart !== undefined) spec.restart = n.restart;
    if (n.redelivery !== undefined) spec.redelivery = n.redelivery;
    commands.push({ type: 'agent.deploy', spec });
  }
  for (const l of ws.links) commands.push({ type: 'link.add', a: l.a, b: l.b });

  // No prototype: a node named `__proto__` or `constructor` gets its position like any other.
  const positions: Record<string, XY> = Object.create(null) as Record<string, XY>;
  for (const n of ws.nodes) if (n.position) positions[n.name] = { ...n.position };
  return {
    modules: [...ws.modules],
    commands,
    positions,
    composerHistory: [...ws.composerHistory],
    experiments: [...(ws.experiments ?? [])],
    loads: [...(ws.loads ?? [])],
    contracts: ws.contracts ?? null,
  };
}

/** Groups ordered so that a parent is created before its children (file order otherwise). */
function parentsFirst(groups: readonly GroupNode[]): GroupNode[] {
  const byName = new Map(groups.map((g) => [g.name, g]));
  const out: GroupNode[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (g: GroupNode) => {
    if (placed.has(g.name) || visiting.has(g.name)) return;
    visiting.add(g.name);
    const parent = g.parent !== undefined ? byName.get(g.parent) : undefined;
    if (parent) place(parent);
    visiting.delete(g.name);
    placed.add(g.name);
    out.push(g);
  };
  for (const g of groups) place(g);
  return out;
}
