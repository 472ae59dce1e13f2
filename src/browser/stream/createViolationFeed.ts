/**
 * Contract checks in the kernel worker, over every event the runtime publishes (not the
 * page's sampled stream, so the counts are exact under load). Nothing is subscribed while
 * no contracts are set or no page listens: no contracts, no cost.
 */
import type { KernelEvent } from '../../kernel/types';
import type { KindOf } from '../../experiments/contracts/inferContract';
import { createContractMonitor, type ContractMonitor } from '../../experiments/contracts/monitor';
import type { Contracts } from '../../experiments/contracts/parseContract';
import { MAX_VIOLATIONS_PER_BATCH, type ViolationBatch } from './violationTypes';

export interface ViolationFeedDeps {
  /** The runtime's event subscription (every event). */
  subscribe(listener: (events: readonly KernelEvent[]) => void): Promise<() => void>;
  /** Kinds of the agents that exist when contracts are set (later ones come from their events). */
  kindOf(): KindOf;
  maxPerBatch?: number;
}

export interface ViolationFeed {
  /** Replaces the contracts (null: none); the counts start over. */
  setContracts(contracts: Contracts | null): Promise<void>;
  /** Returns the listener's id for `close`. */
  open(listener: (batch: ViolationBatch) => void): Promise<number>;
  close(id: number): Promise<void>;
}

export function createViolationFeed(deps: ViolationFeedDeps): ViolationFeed {
  const cap = deps.maxPerBatch ?? MAX_VIOLATIONS_PER_BATCH;
  const listeners = new Map<number, (batch: ViolationBatch) => void>();
  let nextId = 1;
  let monitor: ContractMonitor | null = null;
  let contracts: Contracts | null = null;
  let off: (() => void) | null = null;
  /** The last sync: syncs run one after another, so two at once never subscribe twice. */
  let queue: Promise<void> = Promise.resolve();

  const publish = (events: readonly KernelEvent[]) => {
    if (!monitor) return;
    const before = monitor.counts().checked;
    const seen = monitor.observe(events);
    const counts = monitor.counts();
    if (seen.length === 0 && counts.checked === before) return;
    const batch: ViolationBatch = { violations: seen.slice(0, cap), omitted: Math.max(0, seen.length - cap), counts };
    for (const listener of listeners.values()) listener(batch);
  };

  /** Subscribed exactly while there are contracts and a listener. */
  const syncNow = async () => {
    const wanted = contracts !== null && listeners.size > 0;
    if (wanted && !off) off = await deps.subscribe(publish);
    else if (!wanted && off) {
      off();
      off = null;
    }
  };
  const sync = () => (queue = queue.then(syncNow, syncNow));

  return {
    async setContracts(next) {
      contracts = next;
      monitor = next ? createContractMonitor(next, { kindOf: deps.kindOf() }) : null;
      if (monitor) {
        const counts = monitor.counts();
        for (const listener of listeners.values()) listener({ violations: [], omitted: 0, counts });
      }
      await sync();
    },
    async open(listener) {
      const id = nextId++;
      listeners.set(id, listener);
      await sync();
      return id;
    },
    async close(id) {
      listeners.delete(id);
      await sync();
    },
  };
}
