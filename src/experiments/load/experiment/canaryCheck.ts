/**
 * What the schema cannot say about a canary release: the stable agent is one of the
 * topology's and some scenario can reach it, the canary's name is new, the weights
 * ascend, and the judge has something to judge on.
 */
import { closest } from '../../../protocol/describe';
import { hasPlaceholder } from './template';
import { scenarioPath } from './normalize';
import type { LoadCanary, LoadExperiment } from './types';

type Out = string[];
const q = (s: string) => JSON.stringify(s);
const AT = 'experiment.canary';
export const CANARY_LIMITS = ['maxErrorRate', 'maxErrorRateOverStable', 'maxP95Ms', 'maxP95RatioToStable'] as const;

export function checkCanary(e: LoadExperiment, out: Out): void {
  const c = e.canary;
  if (!c) return;
  checkNames(e, c, out);
  checkTraffic(e, c, out);
  c.stages.forEach((s, i) => {
    const before = c.stages[i - 1]?.weight;
    if (before !== undefined && s.weight <= before)
      out.push(`${AT}.stages[${i}].weight: expected more than the stage before (${before}): weights ascend, received ${s.weight}`);
  });
  if (CANARY_LIMITS.every((k) => c.judge[k] === undefined))
    out.push(`${AT}.judge: expected at least one limit (${CANARY_LIMITS.join(', ')}), received none`);
}

function checkNames(e: LoadExperiment, c: LoadCanary, out: Out): void {
  const topology = e.topology;
  const agents = topology?.agents.map((a) => a.name) ?? [];
  if (topology && !agents.includes(c.stable)) {
    const hint = closest(c.stable, agents);
    out.push(
      `${AT}.stable: expected an agent of experiment.topology.agents, received ${q(c.stable)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
  }
  const taken = new Set([...agents, ...(topology?.clients ?? []), c.stable]);
  if (taken.has(c.canary.name))
    out.push(`${AT}.canary.name: expected a new name (no agent or client of the topology has it), received ${q(c.canary.name)}`);
  const groups = new Set(topology?.groups?.map((g) => g.name));
  if (topology && c.canary.group !== undefined && !groups.has(c.canary.group))
    out.push(`${AT}.canary.group: expected a group of experiment.topology.groups, received ${q(c.canary.group)}`);
  for (const [name, s] of Object.entries(e.scenarios))
    if (s.client === c.canary.name)
      out.push(`${scenarioPath(name)}.client: expected a name other than the canary’s, received ${q(s.client)}`);
}

/** Every target written out and none the stable agent: no message would ever be split. */
function checkTraffic(e: LoadExperiment, c: LoadCanary, out: Out): void {
  const targets = Object.values(e.scenarios).map((s) => s.target);
  if (targets.some(hasPlaceholder) || targets.includes(c.stable)) return;
  out.push(
    `${AT}.stable: expected an agent a scenario targets (no traffic would reach the canary), received ${q(c.stable)} (targets: ${[...new Set(targets)].map(q).join(', ')})`,
  );
}
