/**
 * Workbench state → workspace document. Pure: the app gathers a `WorkbenchView` (kernel
 * snapshot, canvas positions, registered modules, composer history) and this decides
 * what is worth keeping — defaults are left out so a document stays small and readable.
 */
import type { Experiment } from '../experiments/chaos/types';
import { DEFAULT_LIMITS } from '../kernel/kernel';
import type { RedeliveryPolicy, RestartType } from '../kernel/resilienceTypes';
import type { AgentLimits } from '../kernel/types';
import type { JsonValue } from '../protocol/message';
import {
  CURRENT_VERSION,
  WORKSPACE_MARKER,
  type AgentNode,
  type GroupNode,
  type SavedContracts,
  type SavedLoadExperiment,
  type Workspace,
  type WorkspaceModule,
  type WorkspaceNode,
  type XY,
} from './model';

export interface AgentView {
  name: string;
  kind: string;
  config?: JsonValue;
  limits?: Partial<AgentLimits>;
  group?: string;
  /** Written only when not the kernel's default (permanent, once, shared worker). */
  restart?: RestartType;
  redelivery?: RedeliveryPolicy;
  isolated?: boolean;
}

export interface WorkbenchView {
  name: string;
  agents: readonly AgentView[];
  topics: readonly string[];
  clients: readonly string[];
  groups?: readonly Omit<GroupNode, 'type' | 'position'>[];
  links: readonly { a: string; b: string }[];
  positions: Readonly<Record<string, XY>>;
  modules: readonly WorkspaceModule[];
  composerHistory?: readonly JsonValue[];
  /** The kernel's defaults; limits equal to them are not written. */
  defaultLimits?: Readonly<AgentLimits>;
  /** Saved chaos experiments; written only when there are some. */
  experiments?: readonly Experiment[];
  /** Saved load experiments; written only when there are some. */
  loads?: readonly SavedLoadExperiment[];
  /** The contracts in use; written only when there are some. */
  contracts?: SavedContracts | null;
}

export const MAX_HISTORY = 200;

export function fromState(view: WorkbenchView): Workspace {
  const defaults = view.defaultLimits ?? DEFAULT_LIMITS;
  const at = (name: string): { position?: XY } => {
    const p = Object.hasOwn(view.positions, name) ? view.positions[name] : undefined;
    return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { position: { x: Math.round(p.x), y: Math.round(p.y) } } : {};
  };
  const nodes: WorkspaceNode[] = [];
  for (const g of view.groups ?? []) nodes.push({ type: 'group', ...g, ...at(g.name) });
  for (const name of view.topics) nodes.push({ type: 'topic', name, ...at(name) });
  for (const name of view.clients) nodes.push({ type: 'client', name, ...at(name) });
  for (const a of view.agents) {
    const node: AgentNode = { type: 'agent', name: a.name, kind: a.kind };
    if (a.config !== undefined && a.config !== null) node.config = a.config;
    const limits = changedLimits(a.limits, defaults);
    if (limits) node.limits = limits;
    if (a.group) node.group = a.group;
    if (a.isolated) node.isolated = true;
    if (a.restart !== undefined && a.restart !== 'permanent') node.restart = a.restart;
    if (a.redelivery !== undefined && a.redelivery !== 'once') node.redelivery = a.redelivery;
    nodes.push({ ...node, ...at(a.name) });
  }
  const usedKinds = new Set(view.agents.map((a) => a.kind));
  // Modules used by a node come first; unused ones are kept too (they are in the palette).
  const modules = [...view.modules].sort((x, y) => Number(usedKinds.has(y.kind)) - Number(usedKinds.has(x.kind)));
  const ws: Workspace = {
    orrery: WORKSPACE_MARKER,
    version: CURRENT_VERSION,
    name: view.name,
    nodes,
    links: view.links.map(({ a, b }) => ({ a, b })),
    modules,
    composerHistory: (view.composerHistory ?? []).slice(-MAX_HISTORY),
  };
  // One per name (the store keys them by name), in the order given.
  const experiments = [...new Map((view.experiments ?? []).map((e) => [e.name, e])).values()];
  if (experiments.length > 0) ws.experiments = experiments;
  const loads = [...new Map((view.loads ?? []).map((l) => [l.name, l])).values()];
  if (loads.length > 0) ws.loads = loads;
  if (view.contracts) ws.contracts = view.contracts;
  return ws;
}

function changedLimits(limits: Partial<AgentLimits> | undefined, defaults: Readonly<AgentLimits>): Partial<AgentLimits> | undefined {
  if (!limits) return undefined;
  const out: Partial<AgentLimits> = {};
  let any = false;
  for (const [key, value] of Object.entries(limits) as [keyof AgentLimits, AgentLimits[keyof AgentLimits]][]) {
    if (value === undefined || defaults[key] === value) continue;
    (out as Record<string, unknown>)[key] = value;
    any = true;
  }
  return any ? out : undefined;
}
