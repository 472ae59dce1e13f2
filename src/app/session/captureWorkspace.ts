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
  return fromState({
    name,
    // The kernel's snapshot is the truth for settings (agent.configure changes them in place).
    agents: snap.agents.map((a) => {
      const group = a.group ?? s.membership?.[a.name];
      return {
        name: a.name,
        kind: a.kind,
        config: a.config,
        limits: a.limits,
        restart: a.restart,
        redelivery: a.redelivery,
        isolated: a.isolated,
        ...(group ? { group } : {}),
      };
    }),
    topics: snap.topics,
    clients: snap.clients,
    groups: (snap.groups ?? []).map((g) => ({
      name: g.name,
      strategy: g.strategy,
      intensity: g.intensity,
      periodMs: g.periodMs,
      backoff: { ...g.backoff },
      ...(g.parent ? { parent: g.parent } : {}),
    })),
    links: snap.links.map((l) => ({ a: l.a, b: l.b })),
    positions: s.positions,
    modules,
    composerHistory: (s.composerHistory ?? []) as unknown as Workspace['composerHistory'],
    experiments: Object.values(s.experiments ?? {}),
  });
}
