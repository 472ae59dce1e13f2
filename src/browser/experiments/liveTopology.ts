/**
 * Live runs build on the running workbench: what the experiment's topology names that is
 * already there (agents, groups, clients, topics, links between the same two nodes) is
 * reused instead of created again, and faults aimed at a reused link follow its live id.
 */
import type { KernelSnapshot } from '../../kernel/types';
import type { Experiment, FaultInput } from '../../experiments/chaos/types';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function liveExperiment(experiment: Experiment, live: KernelSnapshot): Experiment {
  const nodes = new Set([...live.agents.map((a) => a.name), ...live.clients, ...live.topics]);
  const groups = new Set((live.groups ?? []).map((g) => g.name));
  const liveLinks = new Map(live.links.map((l) => [pairKey(l.a, l.b), l.id]));
  const rename = new Map<string, string>();
  const t = experiment.topology;
  const links = (t.links ?? []).filter((l) => {
    const existing = liveLinks.get(pairKey(l.a, l.b));
    if (existing === undefined) return true;
    rename.set(l.id ?? `${l.a}--${l.b}`, existing);
    return false;
  });
  const fault = (f: FaultInput): FaultInput =>
    f.target.links ? { ...f, target: { ...f.target, links: f.target.links.map((id) => rename.get(id) ?? id) } } : f;
  return {
    ...experiment,
    topology: {
      ...t,
      groups: (t.groups ?? []).filter((g) => !groups.has(g.name)),
      clients: (t.clients ?? []).filter((c) => !nodes.has(c)),
      topics: (t.topics ?? []).filter((c) => !nodes.has(c)),
      agents: t.agents.filter((a) => !nodes.has(a.name)),
      links,
    },
    schedule: {
      ...experiment.schedule,
      phases: experiment.schedule.phases.map((p) => ({
        ...p,
        ...(p.faults ? { faults: p.faults.map(fault) } : {}),
        ...(p.pulses ? { pulses: p.pulses.map((u) => ({ ...u, fault: fault(u.fault) })) } : {}),
      })),
    },
  };
}
