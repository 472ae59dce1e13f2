/**
 * The workbench as a workspace document, taken synchronously from the UI's own copy (the
 * store the kernel's events project into). No worker round trip: a save started as the
 * page hides captures the last edit and writes it before the workers are disposed.
 */
import type { BackoffSpec } from '../../kernel/resilienceTypes';
import { fromState, type Workspace, type WorkspaceModule } from '../../workspace';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import type { ContractFile } from '../../experiments/contracts/types';
import type { SavedContracts } from '../../workspace/model';

/** A parsed contract file is JSON read from a file: the workspace's looser type holds it. */
export const savedContracts = (file: ContractFile | null | undefined): SavedContracts | null =>
  file ? (file as unknown as SavedContracts) : null;

/** What the UI store does not keep of a group: its restart backoff (from kernel events). */
export type GroupBackoffs = Readonly<Record<string, BackoffSpec>>;

export function captureWorkspace(
  s: WorkbenchState,
  name: string,
  modules: readonly WorkspaceModule[],
  backoffs: GroupBackoffs = {},
): Workspace {
  const byKind = (kind: 'topic' | 'client') => s.plainOrder.filter((n) => s.plainNodes[n]?.kind === kind);
  return fromState({
    name,
    agents: s.agentOrder.flatMap((agentName) => {
      const a = s.agents[agentName];
      if (!a) return [];
      const group = s.membership[agentName];
      return [
        {
          name: a.name,
          kind: a.kind,
          ...(a.config !== null && a.config !== undefined ? { config: a.config } : {}),
          ...(a.settings
            ? { limits: a.settings.limits, restart: a.settings.restart, redelivery: a.settings.redelivery, isolated: a.settings.isolated }
            : {}),
          ...(group && s.groups[group] ? { group } : {}),
        },
      ];
    }),
    topics: byKind('topic'),
    clients: byKind('client'),
    groups: Object.values(s.groups).map((g) => {
      const backoff = backoffs[g.name];
      return {
        name: g.name,
        strategy: g.strategy,
        intensity: g.intensity,
        periodMs: g.periodMs,
        ...(backoff ? { backoff: { ...backoff } } : {}),
        ...(g.parent ? { parent: g.parent } : {}),
      };
    }),
    links: Object.values(s.links).map((l) => ({ a: l.a, b: l.b })),
    positions: s.positions,
    modules,
    composerHistory: (s.composerHistory ?? []) as unknown as Workspace['composerHistory'],
    experiments: Object.values(s.experiments ?? {}),
    loads: Object.values(s.savedLoads ?? {}),
    contracts: savedContracts(s.contracts),
  });
}
