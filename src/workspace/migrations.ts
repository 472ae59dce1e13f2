/**
 * Upgrades older workspace documents, one version step at a time. Each step is a pure
 * function from a document valid against version N's schema to one valid against N+1;
 * `migrate` chains them. Adding a version = a schema, a step here, a test.
 */
import type { Workspace, WorkspaceNode, WorkspaceV1 } from './model';
import { CURRENT_VERSION, WORKSPACE_MARKER } from './model';
import type { SchemaName } from './schemaProblems';

export interface Migration {
  from: number;
  to: number;
  /** Why the shape changed: shown nowhere, read by whoever adds the next one. */
  why: string;
  up(doc: unknown): unknown;
}

/** v1 → v2: topics, clients, groups, custom modules and composer history did not exist. */
export function migrateV1ToV2(doc: WorkspaceV1): Workspace {
  const nodes: WorkspaceNode[] = doc.agents.map((a) => ({
    type: 'agent',
    name: a.name,
    kind: a.kind,
    ...(a.config !== undefined ? { config: a.config } : {}),
    ...(a.x !== undefined && a.y !== undefined ? { position: { x: a.x, y: a.y } } : {}),
  }));
  return {
    orrery: WORKSPACE_MARKER,
    version: 2,
    name: doc.name,
    nodes,
    links: doc.links.map(([a, b]) => ({ a, b })),
    modules: [],
    composerHistory: [],
  };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    why: 'one node list for agents, topics, clients and groups; positions per node; modules and composer history',
    up: (doc) => migrateV1ToV2(doc as WorkspaceV1),
  },
];

/** The schema each importable version is checked against before it is migrated. */
export const SCHEMA_OF_VERSION: Readonly<Record<number, SchemaName>> = {
  1: 'workspace-v1',
  2: 'workspace-v2',
};

export const OLDEST_VERSION = 1;

/**
 * Apply the steps from `version` up to the current one. Idempotent: a current document
 * comes back unchanged (the same object).
 */
export function migrate(doc: unknown, version: number): unknown {
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from workspace version ${v}`);
    current = step.up(current);
  }
  return current;
}
