/**
 * The experiment's latency model as the simulation shell's hooks: an agent's handling time
 * and a message's transit time over the link it crosses, each drawn from a seeded stream of
 * its own, so the shell's other draws (scheduling, spawns) are the same with or without a model.
 */
import { createSeededRng } from '../../../kernel/rng';
import type { ShellLatencyModel } from '../../../kernel/shell';
import type { KernelEvent } from '../../../kernel/types';
import { deriveSeed } from '../../seeds';
import { agentLatency, linkLatency } from '../experiment/latencyModel';
import type { LatencyModel } from '../experiment/types';
import { createLinkIndex } from './topologyIndex';

/** Simulated times are whole microseconds, as the shell's own durations. */
const micros = (ms: number): number => Math.max(0, Math.round(ms * 1000) / 1000);

export function simulatedLatency(
  model: LatencyModel,
  streams: { seed: number; agent: number; link: number },
): { latency: ShellLatencyModel; onEvent(e: KernelEvent): void } {
  const agentRng = createSeededRng(deriveSeed(streams.seed, streams.agent));
  const linkRng = createSeededRng(deriveSeed(streams.seed, streams.link));
  const links = createLinkIndex();
  return {
    latency: {
      handleMs: (agent) => micros(agentLatency(model, agent, agentRng)),
      transitMs(message, agent) {
        const link = links.between(message.sender, agent);
        return link === undefined ? 0 : micros(linkLatency(model, link, linkRng));
      },
    },
    onEvent: links.onEvent,
  };
}
