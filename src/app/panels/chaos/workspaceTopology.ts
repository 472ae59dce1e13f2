/** The live workspace as an experiment topology (what a simulation rebuilds from scratch). */
import { DEFAULT_SUPERVISOR, type SupervisorSpec } from '../../../kernel/resilienceTypes';
import type { AgentSpec, KernelSnapshot } from '../../../kernel/types';
import type { Topology } from '../../../experiments/chaos/types';
import type { GroupState } from '../canvas/canvasSlice';

/**
 * Settings come from the snapshot (the kernel reports every group's and agent's settings,
 * `agent.configure` changes them in place); `groups` only fills in for an older kernel.
 */
export function workspaceTopology(snapshot: KernelSnapshot, groups: Record<string, GroupState> = {}): Topology {
  const supervisors: SupervisorSpec[] = (snapshot.groups ?? []).map((g) => {
    const known = groups[g.name];
    const spec: SupervisorSpec = {
      ...DEFAULT_SUPERVISOR,
      name: g.name,
      strategy: g.strategy,
      intensity: g.intensity ?? known?.intensity ?? DEFAULT_SUPERVISOR.intensity,
      periodMs: g.periodMs ?? known?.periodMs ?? DEFAULT_SUPERVISOR.periodMs,
      backoff: { ...(g.backoff ?? DEFAULT_SUPERVISOR.backoff) },
    };
    if (g.parent !== undefined) spec.parent = g.parent;
    return spec;
  });
  return {
    groups: supervisors,
    clients: [...snapshot.clients],
    topics: [...snapshot.topics],
    agents: snapshot.agents.map((a) => {
      const spec: AgentSpec = { name: a.name, kind: a.kind };
      if (a.config !== null && a.config !== undefined) spec.config = a.config;
      if (a.group !== undefined) spec.group = a.group;
      if (a.limits) spec.limits = { ...a.limits };
      if (a.restart !== undefined && a.restart !== 'permanent') spec.restart = a.restart;
      if (a.redelivery !== undefined && a.redelivery !== 'once') spec.redelivery = a.redelivery;
      if (a.isolated) spec.isolated = true;
      return spec;
    }),
    links: snapshot.links.map((l) => ({ id: l.id, a: l.a, b: l.b, ...(l.policy ? { policy: l.policy } : {}) })),
  };
}
