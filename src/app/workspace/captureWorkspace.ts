/** The live workbench (kernel snapshot + canvas store) as a workspace document. */
import { fromState, type Workspace, type WorkspaceModule } from '../../workspace';
import type { WorkbenchStore } from '../store/createWorkbenchStore';

export async function captureWorkspace(
  store: WorkbenchStore,
  name: string,
  modules: readonly WorkspaceModule[],
): Promise<Workspace> {
  const snap = await store.api.snapshot();
  const s = store.getState();
  const groupSpecs = s.groups ?? {};
  return fromState({
    name,
    agents: snap.agents.map((a) => {
      const group = a.group ?? s.membership?.[a.name];
      return { name: a.name, kind: a.kind, config: a.config, limits: a.limits, ...(group ? { group } : {}) };
    }),
    topics: snap.topics,
    clients: snap.clients,
    groups: (snap.groups ?? []).map((g) => {
      const spec = groupSpecs[g.name];
      return {
        name: g.name,
        strategy: g.strategy,
        ...(spec ? { intensity: spec.intensity, periodMs: spec.periodMs } : {}),
        ...(g.parent ? { parent: g.parent } : {}),
      };
    }),
    links: snap.links.map((l) => ({ a: l.a, b: l.b })),
    positions: s.positions,
    modules,
    composerHistory: (s.composerHistory ?? []) as unknown as Workspace['composerHistory'],
  });
}
