/**
 * Group restart backoffs, which the UI store does not keep: seeded from each restored
 * workspace and followed through the kernel's group events, so a synchronous capture
 * writes them back as they are.
 */
import type { BackoffSpec } from '../../kernel/resilienceTypes';
import type { KernelEvent } from '../../kernel/types';
import type { Workspace } from '../../workspace';
import type { GroupBackoffs } from './captureWorkspace';

export function trackBackoffs() {
  let backoffs = new Map<string, BackoffSpec>();
  return {
    seed(ws: Workspace) {
      backoffs = new Map();
      for (const n of ws.nodes) if (n.type === 'group' && n.backoff) backoffs.set(n.name, n.backoff);
    },
    apply(events: readonly KernelEvent[]) {
      for (const e of events) {
        if (e.type === 'group.created' || e.type === 'group.configured') backoffs.set(e.spec.name, e.spec.backoff);
        else if (e.type === 'node.removed') backoffs.delete(e.node);
      }
    },
    current: (): GroupBackoffs => Object.fromEntries(backoffs),
  };
}
