/**
 * What the schema cannot say about a load experiment: references (targets and latency
 * entries → topology), executor rules k6 also enforces (maxVUs ≥ preAllocatedVUs,
 * iterations ≥ vus, a ramp that ever has a VU), the rate a host can schedule, the
 * placeholders of templates, client names an agent already has, and the canary
 * (canaryCheck.ts). Runs on the normalized experiment; lookups use Sets.
 */
import { closest } from '../../../protocol/describe';
import type { JsonValue } from '../../../protocol/message';
import { checkCanary } from './canaryCheck';
import { LOAD_LIMITS as L } from './limits';
import { scenarioPath } from './normalize';
import { hasPlaceholder, templateProblems } from './template';
import type { LatencyDistribution, LoadExperiment, LoadScenario } from './types';

type Out = string[];
const q = (s: string) => JSON.stringify(s);

export function crossCheck(e: LoadExperiment, out: Out): void {
  const agents = new Set(e.topology?.agents.map((a) => a.name));
  if (e.topology) checkTopology(e, out);
  for (const [name, s] of Object.entries(e.scenarios)) {
    const at = scenarioPath(name);
    checkExecutor(s, at, out);
    checkTemplates(s, at, out);
    if (e.topology && !hasPlaceholder(s.target) && !agents.has(s.target)) {
      const hint = closest(s.target, [...agents]);
      out.push(
        `${at}.target: expected an agent of experiment.topology.agents, received ${q(s.target)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    if (!hasPlaceholder(s.client) && agents.has(s.client))
      out.push(
        `${at}.client: expected a client name no agent of the topology has, received ${q(s.client)}${s.client === name ? ' (the default: the scenario’s name; set "client")' : ''}`,
      );
  }
  // The canary is an agent of the experiment too: the latency model may give it its own.
  checkLatency(e, e.canary ? new Set([...agents, e.canary.canary.name]) : agents, out);
  checkCanary(e, out);
}

function checkTopology(e: LoadExperiment, out: Out): void {
  const nodes = new Set<string>();
  const node = (n: string, at: string) => {
    if (nodes.has(n)) out.push(`${at}: expected a name no other agent or client has, received ${q(n)} again`);
    nodes.add(n);
  };
  (e.topology!.clients ?? []).forEach((n, i) => node(n, `experiment.topology.clients[${i}]`));
  e.topology!.agents.forEach((a, i) => node(a.name, `experiment.topology.agents[${i}].name`));
  (e.topology!.links ?? []).forEach((l, i) => {
    for (const end of ['a', 'b'] as const)
      if (!nodes.has(l[end]))
        out.push(`experiment.topology.links[${i}].${end}: expected an agent or client of the topology, received ${q(l[end])}`);
  });
}

function checkExecutor(s: LoadScenario, at: string, out: Out): void {
  switch (s.executor) {
    case 'shared-iterations':
      if ((s.iterations ?? 1) < (s.vus ?? 1))
        out.push(`${at}.iterations: expected at least as many iterations as VUs (${s.vus}), received ${s.iterations}`);
      return;
    case 'ramping-vus':
      s.stages.forEach((st, i) => {
        if (!Number.isInteger(st.target) || st.target > L.vus)
          out.push(`${at}.stages[${i}].target: expected a whole number of VUs ≤ ${L.vus}, received ${st.target}`);
      });
      if ((s.startVUs ?? 1) === 0 && s.stages.every((st) => st.target === 0))
        out.push(`${at}.stages: expected startVUs or a stage target above 0 (no VU would ever run)`);
      if (s.stages.every((st) => st.duration === 0)) out.push(`${at}.stages: expected stages lasting more than 0 in all`);
      return;
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      checkArrival(s as Extract<LoadScenario, { executor: 'constant-arrival-rate' | 'ramping-arrival-rate' }>, at, out);
      return;
    default:
      return;
  }
}

function checkArrival(
  s: Extract<LoadScenario, { executor: 'constant-arrival-rate' | 'ramping-arrival-rate' }>,
  at: string,
  out: Out,
): void {
  const maxVUs = s.maxVUs ?? s.preAllocatedVUs;
  if (maxVUs < s.preAllocatedVUs) out.push(`${at}.maxVUs: expected at least preAllocatedVUs (${s.preAllocatedVUs}), received ${maxVUs}`);
  if (maxVUs === 0) out.push(`${at}.maxVUs: expected at least 1 VU (preAllocatedVUs is 0), received nothing`);
  const timeUnit = s.timeUnit ?? 1000;
  const peak = s.executor === 'constant-arrival-rate' ? s.rate : Math.max(s.startRate ?? 0, ...s.stages.map((st) => st.target));
  const perSecond = (peak * 1000) / timeUnit;
  const field = s.executor === 'constant-arrival-rate' ? 'rate' : 'stages';
  if (perSecond > L.ratePerSecond)
    out.push(
      `${at}.${field}: expected at most ${L.ratePerSecond} iterations per second (what one host schedules), received ${peak} per ${timeUnit} ms = ${perSecond}/s`,
    );
  if (s.executor === 'ramping-arrival-rate' && s.stages.every((st) => st.duration === 0))
    out.push(`${at}.stages: expected stages lasting more than 0 in all`);
}

function checkTemplates(s: LoadScenario, at: string, out: Out): void {
  out.push(...templateProblems(s.target, `${at}.target`), ...templateProblems(s.client, `${at}.client`));
  out.push(...templateProblems(s.message as unknown as JsonValue, `${at}.message`));
}

function checkLatency(e: LoadExperiment, agents: Set<string>, out: Out): void {
  const l = e.latency;
  if (!l) return;
  const dist = (d: LatencyDistribution, at: string) => {
    if (d.distribution === 'uniform' && d.minMs > d.maxMs) out.push(`${at}: expected minMs ≤ maxMs, received ${d.minMs} and ${d.maxMs}`);
    if (d.distribution === 'lognormal' && d.medianMs > d.p99Ms)
      out.push(`${at}: expected medianMs ≤ p99Ms, received ${d.medianMs} and ${d.p99Ms}`);
  };
  if (l.link) dist(l.link, 'experiment.latency.link');
  if (l.agent) dist(l.agent, 'experiment.latency.agent');
  for (const [k, d] of Object.entries(l.links ?? {})) dist(d, `experiment.latency.links[${q(k)}]`);
  for (const [k, d] of Object.entries(l.agents ?? {})) {
    dist(d, `experiment.latency.agents[${q(k)}]`);
    if (e.topology && !agents.has(k))
      out.push(`experiment.latency.agents[${q(k)}]: expected an agent of experiment.topology.agents, received ${q(k)}`);
  }
}
