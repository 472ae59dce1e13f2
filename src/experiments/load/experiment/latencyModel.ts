/**
 * Draws simulated latencies from an experiment's latency model: a link's transit time
 * and an agent's handling time, each from its own entry or the model's default (0 when
 * neither is set). Pure: the caller passes the seeded stream, so a simulated run with the
 * same seed draws the same latencies.
 */
import type { Rng } from '../../../kernel/types';
import type { LatencyDistribution, LatencyModel } from './types';

/** z of the 99th percentile of the standard normal distribution. */
const Z99 = 2.326347874040841;

export function sampleLatency(d: LatencyDistribution, rng: Rng): number {
  switch (d.distribution) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.minMs + rng.next() * (d.maxMs - d.minMs);
    case 'lognormal': {
      const mu = Math.log(d.medianMs);
      const sigma = Math.max(0, (Math.log(d.p99Ms) - mu) / Z99);
      return Math.exp(mu + sigma * standardNormal(rng));
    }
  }
}

/** Box–Muller; 1 - next() keeps the logarithm's argument in (0, 1]. */
function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function linkLatency(model: LatencyModel | undefined, linkId: string, rng: Rng): number {
  const d = (model?.links && Object.hasOwn(model.links, linkId) ? model.links[linkId] : undefined) ?? model?.link;
  return d ? sampleLatency(d, rng) : 0;
}

export function agentLatency(model: LatencyModel | undefined, agent: string, rng: Rng): number {
  const d = (model?.agents && Object.hasOwn(model.agents, agent) ? model.agents[agent] : undefined) ?? model?.agent;
  return d ? sampleLatency(d, rng) : 0;
}
