/**
 * The workspace document: everything needed to rebuild a workbench — nodes (agents with
 * kind, config, limits and group; topics; clients; supervision groups), links, canvas
 * positions, custom agent modules (their bytes, base64) and the composer history.
 * It is plain JSON, the same shape in IndexedDB and in an exported `.json` file.
 */
import type { Experiment } from '../experiments/chaos/types';
import type { BackoffSpec, RestartStrategy, RestartType } from '../kernel/resilienceTypes';
import type { AgentLimits } from '../kernel/types';
import type { JsonValue, MessageDraft } from '../protocol/message';

export type { RestartStrategy } from '../kernel/resilienceTypes';

/** The version this build writes; older files are migrated up to it on import. */
export const CURRENT_VERSION = 2;
/** The marker that says "this JSON is an Orrery workspace". */
export const WORKSPACE_MARKER = 'workspace';

export interface XY {
  x: number;
  y: number;
}

export interface AgentNode {
  type: 'agent';
  name: string;
  /** A built-in kind id (`echo`) or `custom:<sha-256 hex>` backed by an entry in `modules`. */
  kind: string;
  config?: JsonValue;
  limits?: Partial<AgentLimits>;
  /** The supervision group (a group node's name) the agent belongs to. */
  group?: string;
  isolated?: boolean;
  restart?: RestartType;
  redelivery?: 'once' | 'never';
  position?: XY;
}

export interface TopicNode {
  type: 'topic';
  name: string;
  position?: XY;
}

export interface ClientNode {
  type: 'client';
  name: string;
  position?: XY;
}

export interface GroupNode {
  type: 'group';
  name: string;
  strategy: RestartStrategy;
  intensity?: number;
  periodMs?: number;
  /** Restart backoff; absent = the kernel's default for new groups. */
  backoff?: BackoffSpec;
  /** The enclosing group, if nested. */
  parent?: string;
  position?: XY;
}

export type WorkspaceNode = AgentNode | TopicNode | ClientNode | GroupNode;
export type WorkspaceNodeType = WorkspaceNode['type'];

/** An undirected wire between two nodes. */
export interface WorkspaceLink {
  a: string;
  b: string;
}

/** A user's agent component, kept so a reload can register it again. */
export interface WorkspaceModule {
  /** `custom:<hash>`: what agent nodes name as their kind. */
  kind: string;
  label: string;
  /** SHA-256 of the bytes, lowercase hex. */
  hash: string;
  /** The component bytes, base64. */
  bytes: string;
}

/** Version 2 (current). */
export interface Workspace {
  orrery: typeof WORKSPACE_MARKER;
  version: typeof CURRENT_VERSION;
  name: string;
  nodes: WorkspaceNode[];
  links: WorkspaceLink[];
  modules: WorkspaceModule[];
  /** The composer's history (the dock's `composerHistory` slice), oldest first. */
  composerHistory: JsonValue[];
  /**
   * Saved chaos experiments (`orrery.experiment/1` documents, names unique). Optional: absent
   * = none. Checked lightly (shape, name): a saved experiment may be a draft, and a draft
   * must not make its workspace unopenable; the runner validates it fully before a run.
   */
  experiments?: Experiment[];
  /**
   * Saved load experiments (`orrery.load/1` documents as written, durations as k6 text; names
   * unique). Optional, checked lightly like `experiments`; `orrery run` checks each fully.
   */
  loads?: SavedLoadExperiment[];
  /**
   * The workspace's message contracts (an `orrery.contract/1` document as written). Optional,
   * checked lightly (shape); the contracts parser checks every schema in it before use, and a
   * broken one is reported without making the workspace unopenable.
   */
  contracts?: SavedContracts;
}

/** A contract file as the workspace holds it (`experiments/contracts` parses it fully). */
export interface SavedContracts {
  schema: 'orrery.contract/1';
  version: string;
  kinds: { [kind: string]: JsonValue };
  [field: string]: JsonValue;
}

/** A load experiment as its file holds it (the runner's own parser checks the rest). */
export interface SavedLoadExperiment {
  schema: 'orrery.load/1';
  name: string;
  scenarios: { [scenario: string]: JsonValue };
  [section: string]: JsonValue;
}

/** Version 1: the earliest shape — agents with flat coordinates, links as pairs. */
export interface WorkspaceV1 {
  orrery: typeof WORKSPACE_MARKER;
  version: 1;
  name: string;
  agents: { name: string; kind: string; config?: JsonValue; x?: number; y?: number }[];
  links: [string, string][];
}

export function emptyWorkspace(name: string): Workspace {
  return { orrery: WORKSPACE_MARKER, version: CURRENT_VERSION, name, nodes: [], links: [], modules: [], composerHistory: [] };
}

// ─── Pattern scenarios (agents/patterns/<id>.json) ──────────────────────────

export type ScenarioNode =
  { type: 'agent'; name: string; kind: string; config?: JsonValue } | { type: 'topic'; name: string } | { type: 'client'; name: string };

export interface ScenarioStep {
  /** A client node; omitted = the console `you`. */
  from?: string;
  message: MessageDraft;
}

export interface Scenario {
  id: string;
  title: string;
  description: string;
  nodes: ScenarioNode[];
  links: [string, string][];
  run: ScenarioStep[];
  expect: { from: string; performative: string; content: JsonValue };
}
