import { useEffect } from 'react';
import { computeRates, sameRates, type Counts, type RateSample } from '../../store/rates';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { onVisualTick, VISUAL_TICK_MS } from '../../store/visualTick';

/** How often rates are recomputed: often enough to feel live, rarely enough to cost nothing. */
export const RATE_INTERVAL_MS = 2 * VISUAL_TICK_MS;

function nodeCounts(s: WorkbenchState): Counts {
  const counts: Counts = {};
  for (const name of s.agentOrder) {
    const agent = s.agents[name];
    if (agent) counts[name] = agent.counters.delivered;
  }
  // Topics and clients: what crossed their links towards them.
  for (const name of s.plainOrder) counts[name] = 0;
  for (const [id, flow] of Object.entries(s.flows)) {
    const link = s.links[id];
    if (!link) continue;
    if (link.b in counts && s.plainNodes[link.b]) counts[link.b]! += flow.ab;
    if (link.a in counts && s.plainNodes[link.a]) counts[link.a]! += flow.ba;
  }
  return counts;
}

function linkCounts(s: WorkbenchState): Counts {
  const counts: Counts = {};
  for (const id of Object.keys(s.links)) {
    const flow = s.flows[id];
    counts[`${id}>`] = flow?.ab ?? 0;
    counts[`${id}<`] = flow?.ba ?? 0;
  }
  return counts;
}

function mailboxes(s: WorkbenchState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of s.agentOrder) {
    const depth = s.agents[name]?.mailboxDepth ?? 0;
    if (depth > 0) out[name] = depth;
  }
  return out;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Samples the store's counters and keeps `rates` (msgs/s per node and link direction, and
 * mailbox depths) current: the canvas follows traffic at this pace, whatever the load.
 */
export function useFlowRates(): void {
  const store = useWorkbenchStore();
  useEffect(() => {
    let nodes: RateSample | null = null;
    let links: RateSample | null = null;
    const tick = () => {
      const s = store.getState();
      const t = performance.now();
      const nextNodes = { t, counts: nodeCounts(s) };
      const nextLinks = { t, counts: linkCounts(s) };
      const rates = {
        nodes: computeRates(nodes, nextNodes, s.rates.nodes),
        links: computeRates(links, nextLinks, s.rates.links),
        mailbox: mailboxes(s),
      };
      nodes = nextNodes;
      links = nextLinks;
      if (!sameRates(rates.nodes, s.rates.nodes) || !sameRates(rates.links, s.rates.links) || !sameCounts(rates.mailbox, s.rates.mailbox)) {
        s.setRates(rates);
      }
    };
    // Every other tick of the canvas's clock: the new numbers land with a dash step.
    return onVisualTick((n) => {
      if (n % 2 === 0) tick();
    });
  }, [store]);
}
