/** Runs ready agents' queues, each agent's deliveries strictly in order, then serves the budget. */
import type { AgentWorkerCore } from './agentWorkerCore';
import { runDelivery } from './runDelivery';

/** Post events at least this often while draining a long queue (latency vs. batching). */
const FLUSH_EVERY = 512;

export function pumpReady(core: AgentWorkerCore, flush: () => void): void {
  let sinceFlush = 0;
  while (core.ready.length > 0) {
    const slot = core.ready.shift()!;
    core.budget.touch(slot);
    while (slot.status === 'ready' && slot.agent && slot.queue.length > 0 && core.current(slot.name, slot.instance) === slot) {
      runDelivery(slot, slot.queue.shift()!, core);
      if (++sinceFlush >= FLUSH_EVERY) {
        flush();
        sinceFlush = 0;
      }
    }
  }
  // Every live agent is idle now: hand the budget to agents waiting for it.
  core.budget.serve();
}
