/** The live workspace as an experiment topology (what a simulation rebuilds from scratch). */
import { DEFAULT_SUPERVISOR, type SupervisorSpec } from '../../../kernel/resilienceTypes';
import type { KernelSnapshot } from '../../../kernel/types';
import type { Topology } from '../../../experiments/chaos/types';
import type { GroupState } from '../../store/canvasSlice';

export function workspaceTopology(snapshot: KernelSnapshot, groups: Record<string, GroupState>): Topology {
  const supervisors: SupervisorSpec[] = (snapshot.groups ?? []).map((g) => {
    const known = groups[g.name];
    const spec: SupervisorSpec = { ...DEFAULT_SUPERVISOR, name: g.name, strategy: g.strategy };
    if (known) {
      spec.intensity = known.intensity;
      spec.periodMs = known.periodMs;
    }
    if (g.parent !== undefined) spec.parent = g.parent;
    return spec;
  });
  return {
    groups: supervisors,
    clients: [...snapshot.clients],
    topics: [...snapshot.topics],
    agents: snapshot.agents.map((a) => ({
      name: a.name,
      kind: a.kind,
      ...(a.config !== null && a.config !== undefined ? { config: a.config } : {}),
      ...(a.group !== undefined ? { group: a.group } : {}),
    })),
    links: snapshot.links.map((l) => ({ id: l.id, a: l.a, b: l.b, ...(l.policy ? { policy: l.policy } : {}) })),
  };
}
