/**
 * Contracts over an open recording (playback): its violations are those of the whole
 * recording, checked once when contracts are set or the page subscribes (a recording does not
 * change), and sent in batches of at most the usual cap, every batch with the final counts.
 * A draft is inferred from the whole recording's events. Runs where the playback's events are
 * read (the page), with the same monitor as the live kernel worker.
 */
import type { KernelEvent, KernelSnapshot } from '../../kernel/types';
import { kindsFrom, type KindOf } from '../../experiments/contracts/inferContract';
import { createContractMonitor } from '../../experiments/contracts/monitor';
import { parseContract, type Contracts } from '../../experiments/contracts/parseContract';
import type { ContractsApi } from './createContractsApi';
import { draftFromEvents } from './draftFromEvents';
import { MAX_VIOLATIONS_PER_BATCH, type ViolationBatch } from './violationTypes';

export interface RecordingSource {
  /** Every event of the recording, in seq order. */
  events(): Promise<KernelEvent[]>;
  snapshot(): Promise<KernelSnapshot>;
}

export interface RecordingContracts {
  setContracts: ContractsApi['setContracts'];
  subscribeViolations(listener: (batch: ViolationBatch) => void): Promise<() => void>;
  inferContract: ContractsApi['inferContract'];
}

async function kindsOf(source: RecordingSource, events: readonly KernelEvent[]): Promise<KindOf> {
  const logged = kindsFrom(events);
  const live = kindsFrom((await source.snapshot()).agents);
  return (name) => logged(name) ?? live(name);
}

/** The whole recording's violations as batches of at most `cap`; counts in every batch. */
export async function checkRecording(
  source: RecordingSource,
  contracts: Contracts,
  cap = MAX_VIOLATIONS_PER_BATCH,
): Promise<ViolationBatch[]> {
  const events = await source.events();
  const monitor = createContractMonitor(contracts, { kindOf: await kindsOf(source, events) });
  const violations = monitor.observe(events);
  const counts = monitor.counts();
  const batches: ViolationBatch[] = [];
  for (let i = 0; i < violations.length; i += cap) batches.push({ violations: violations.slice(i, i + cap), omitted: 0, counts });
  return batches.length > 0 ? batches : [{ violations: [], omitted: 0, counts }];
}

export function createRecordingContracts(source: RecordingSource): RecordingContracts {
  let contracts: Contracts | null = null;
  const listeners = new Set<(batch: ViolationBatch) => void>();
  const sendTo = async (targets: Iterable<(batch: ViolationBatch) => void>) => {
    if (!contracts) return;
    const batches = await checkRecording(source, contracts);
    for (const listener of targets) for (const batch of batches) listener(batch);
  };
  return {
    async setContracts(file) {
      if (file === null) {
        contracts = null;
        return { ok: true };
      }
      const parsed = parseContract(file);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      contracts = parsed.contracts;
      await sendTo(listeners);
      return { ok: true };
    },
    async subscribeViolations(listener) {
      listeners.add(listener);
      await sendTo([listener]);
      return () => listeners.delete(listener);
    },
    async inferContract() {
      const events = await source.events();
      return draftFromEvents(events, await kindsOf(source, events), { whole: true, events: events.length });
    },
  };
}
