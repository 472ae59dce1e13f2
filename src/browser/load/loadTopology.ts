/**
 * A load file's topology against the running workbench. Live: what the file names that is
 * already running (agents, clients, groups, links between the same two nodes) is used as it
 * is instead of deployed again. Simulation: a file without a topology loads the system on the
 * canvas, so the canvas's agents, groups and links are rebuilt in the simulation.
 */
import { DEFAULT_SUPERVISOR, type SupervisorSpec } from '../../kernel/resilienceTypes';
import type { AgentSpec, KernelSnapshot } from '../../kernel/types';
import type { LoadExperiment, LoadTopology } from '../../experiments/load/experiment/types';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function liveLoadExperiment(experiment: LoadExperiment, live: KernelSnapshot): LoadExperiment {
  const t = experiment.topology;
  if (!t) return experiment;
  const nodes = new Set([...live.agents.map((a) => a.name), ...live.clients, ...live.topics]);
  const groups = new Set((live.groups ?? []).map((g) => g.name));
  const links = new Set(live.links.map((l) => pairKey(l.a, l.b)));
  const topology: LoadTopology = { ...t, agents: t.agents.filter((a) => !nodes.has(a.name)) };
  if (t.groups) topology.groups = t.groups.filter((g) => !groups.has(g.name));
  if (t.clients) topology.clients = t.clients.filter((c) => !nodes.has(c));
  if (t.links) topology.links = t.links.filter((l) => !links.has(pairKey(l.a, l.b)));
  return { ...experiment, topology };
}

/** The canvas's system as a load topology (agents with their settings, groups, clients, links). */
export function canvasTopology(snapshot: KernelSnapshot): LoadTopology {
  const groups: SupervisorSpec[] = (snapshot.groups ?? []).map((g) => {
    const spec: SupervisorSpec = {
      ...DEFAULT_SUPERVISOR,
      name: g.name,
      strategy: g.strategy,
      intensity: g.intensity,
      periodMs: g.periodMs,
      backoff: { ...g.backoff },
    };
    if (g.parent !== undefined) spec.parent = g.parent;
    return spec;
  });
  const agents = snapshot.agents.map((a) => {
    const spec: AgentSpec = { name: a.name, kind: a.kind };
    if (a.config !== null && a.config !== undefined) spec.config = a.config;
    if (a.group !== undefined) spec.group = a.group;
    spec.limits = { ...a.limits };
    if (a.isolated) spec.isolated = true;
    return spec;
  });
  const links = snapshot.links.map((l) => ({ id: l.id, a: l.a, b: l.b, ...(l.policy ? { policy: l.policy } : {}) }));
  return { groups, clients: [...snapshot.clients], agents, links };
}

export function simulatedLoadExperiment(experiment: LoadExperiment, canvas: KernelSnapshot): LoadExperiment {
  return experiment.topology ? experiment : { ...experiment, topology: canvasTopology(canvas) };
}
