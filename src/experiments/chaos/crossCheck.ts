/**
 * What the schema cannot say: references between parts (workload → clients and agents,
 * agents → groups, links → nodes, phases → probes), uniqueness, reserved names, and the
 * totals that keep a run bounded (run time, requests, fault actions). Runs on a value the
 * schema accepted. Lookups go through Sets and Maps, never through plain objects, so a
 * name such as "constructor" is only ever data.
 */
import { nameProblem } from '../../protocol/names';
import { EXPERIMENT_LIMITS as L } from './limits';
import type { Experiment, Phase, ProbeSpec } from './types';

type Out = string[];
const q = (s: string) => JSON.stringify(s);

/** The probes' ids, defaulted: the probe name, suffixed #2, #3 when it repeats. */
export function probeIds(e: { hypothesis: readonly ProbeSpec[] }): string[] {
  const count = new Map<string, number>();
  return e.hypothesis.map((p) => {
    if (p.id !== undefined) return p.id;
    const n = (count.get(p.probe) ?? 0) + 1;
    count.set(p.probe, n);
    return n === 1 ? p.probe : `${p.probe}#${n}`;
  });
}

export function crossCheck(e: Experiment, out: Out): void {
  checkNodes(e, out);
  checkWorkload(e, out);
  checkProbes(e, out);
  e.schedule.phases.forEach((ph, i) => checkPhase(ph, `experiment.schedule.phases[${i}]`, e, out));
  const names = new Set<string>();
  e.schedule.phases.forEach((ph, i) => {
    if (names.has(ph.name)) out.push(`experiment.schedule.phases[${i}].name: expected a unique phase name, received ${q(ph.name)} twice`);
    names.add(ph.name);
  });
  for (const key of ['handleMs', 'spawnMs'] as const) {
    const r = e.simulation?.[key];
    if (r && r.min > r.max) out.push(`experiment.simulation.${key}: expected min ≤ max, received min ${r.min}, max ${r.max}`);
  }
  checkTotals(e, out);
}

function checkNodes(e: Experiment, out: Out): void {
  const t = e.topology;
  const seen = new Set<string>();
  const node = (name: string, at: string) => {
    const problem = nameProblem(name);
    if (problem) out.push(`${at}: expected a node name (${problem}), received ${q(name)}`);
    else if (seen.has(name)) out.push(`${at}: expected a name no other agent, client or topic has, received ${q(name)} again`);
    seen.add(name);
  };
  (t.clients ?? []).forEach((n, i) => node(n, `experiment.topology.clients[${i}]`));
  (t.topics ?? []).forEach((n, i) => node(n, `experiment.topology.topics[${i}]`));
  t.agents.forEach((a, i) => node(a.name, `experiment.topology.agents[${i}].name`));
  const groups = new Set<string>();
  (t.groups ?? []).forEach((g, i) => {
    const at = `experiment.topology.groups[${i}]`;
    if (groups.has(g.name)) out.push(`${at}.name: expected a unique group name, received ${q(g.name)} twice`);
    if (g.parent !== undefined && !groups.has(g.parent))
      out.push(`${at}.parent: expected a group listed before it, received ${q(g.parent)}`);
    if (g.backoff.minMs > g.backoff.maxMs)
      out.push(`${at}.backoff: expected minMs ≤ maxMs, received ${g.backoff.minMs} > ${g.backoff.maxMs}`);
    groups.add(g.name);
  });
  t.agents.forEach((a, i) => {
    if (a.group !== undefined && !groups.has(a.group))
      out.push(
        `experiment.topology.agents[${i}].group: expected a group of topology.groups (${[...groups].join(', ') || 'none'}), received ${q(a.group)}`,
      );
  });
  const linkIds = new Set<string>();
  (t.links ?? []).forEach((l, i) => {
    const at = `experiment.topology.links[${i}]`;
    if (!seen.has(l.a)) out.push(`${at}.a: expected a node of the topology, received ${q(l.a)}`);
    if (!seen.has(l.b)) out.push(`${at}.b: expected a node of the topology, received ${q(l.b)}`);
    if (l.a === l.b) out.push(`${at}: expected two different nodes, received ${q(l.a)} twice`);
    const id = l.id ?? `${l.a}--${l.b}`;
    if (linkIds.has(id)) out.push(`${at}.id: expected a unique link id, received ${q(id)} twice`);
    linkIds.add(id);
  });
}

function checkWorkload(e: Experiment, out: Out): void {
  const agents = new Set(e.topology.agents.map((a) => a.name));
  const clients = new Set(e.topology.clients ?? []);
  e.workload.clients.forEach((c, i) => {
    if (!clients.has(c.client))
      out.push(
        `experiment.workload.clients[${i}].client: expected a client listed in topology.clients (${[...clients].join(', ') || 'none'}), received ${q(c.client)}`,
      );
    c.targets.forEach((t, j) => {
      if (!agents.has(t) && !clients.has(t))
        out.push(`experiment.workload.clients[${i}].targets[${j}]: expected an agent of the topology, received ${q(t)}`);
    });
  });
}

function checkProbes(e: Experiment, out: Out): void {
  const seen = new Set<string>();
  probeIds(e).forEach((id, i) => {
    if (seen.has(id))
      out.push(
        `experiment.hypothesis[${i}].id: expected a unique probe id, received ${q(id)} (already used by an earlier probe; set "id")`,
      );
    seen.add(id);
  });
}

function checkPhase(ph: Phase, at: string, e: Experiment, out: Out): void {
  const ids = probeIds(e);
  const probes = new Set(ids);
  (ph.probes ?? []).forEach((id, j) => {
    if (!probes.has(id)) out.push(`${at}.probes[${j}]: expected a probe id (${ids.join(', ')}), received ${q(id)}`);
  });
  (ph.pulses ?? []).forEach((pu, j) => {
    if (pu.pick === 'one' && !(pu.fault.target.agents?.length || pu.fault.target.links?.length))
      out.push(`${at}.pulses[${j}].fault.target: pick "one" needs agents or links to pick from, received none`);
    if (pu.holdMs !== undefined && pu.holdMs > pu.everyMs)
      out.push(`${at}.pulses[${j}].holdMs: expected at most everyMs (${pu.everyMs}), received ${pu.holdMs}`);
  });
  const faultIds = new Set<string>();
  (ph.faults ?? []).forEach((f, j) => {
    if (f.id === undefined) return;
    if (faultIds.has(f.id)) out.push(`${at}.faults[${j}].id: expected a unique fault id, received ${q(f.id)} twice`);
    faultIds.add(f.id);
  });
}

/** Run time, requests and fault actions the file asks for, each against its documented maximum. */
export function experimentTotals(e: Experiment): { runMs: number; requests: number; actions: number } {
  const s = e.schedule;
  let workloadMs = s.warmupMs + s.steadyMs + s.settleMs + s.recoveryMs;
  let actions = 0;
  for (const ph of s.phases) {
    workloadMs += ph.durationMs + (ph.settleMs ?? 0);
    actions += 2 + 2 * (ph.faults?.length ?? 0);
    for (const pu of ph.pulses ?? []) actions += 2 * Math.ceil(ph.durationMs / pu.everyMs);
  }
  const longest = Math.max(0, ...e.workload.clients.map((c) => c.timeoutMs));
  const runMs = workloadMs + (s.drainMs ?? longest + 100);
  const requests = e.workload.clients.reduce((n, c) => n + (c.ratePerSecond * workloadMs) / 1000, 0);
  return { runMs, requests: Math.ceil(requests), actions };
}

function checkTotals(e: Experiment, out: Out): void {
  const t = experimentTotals(e);
  if (t.runMs > L.runMs)
    out.push(
      `experiment.schedule: expected a run of at most ${L.runMs} ms in all (warm-up, steady state, phases, settles, recovery, drain), received ${t.runMs} ms`,
    );
  if (t.requests > L.requests)
    out.push(`experiment.workload: expected at most ${L.requests} requests over the run (rate × duration), received ${t.requests}`);
  if (t.actions > L.actions)
    out.push(
      `experiment.schedule.phases: expected at most ${L.actions} fault injections and clears, received ${t.actions} (raise the pulses' everyMs)`,
    );
}
