/**
 * The kernel worker's contract methods: set the contracts (checked in the worker over every
 * event, see createViolationFeed), follow the violations, and infer a draft contract from
 * the live run's event log.
 */
import type { Kernel } from '../../kernel/kernel';
import type { KernelEvent } from '../../kernel/types';
import { inferContractFromEvents, kindsFrom, type KindOf } from '../../experiments/contracts/inferContract';
import { parseContract } from '../../experiments/contracts/parseContract';
import type { ContractFile, ContractProblem } from '../../experiments/contracts/types';
import { createViolationFeed } from './createViolationFeed';
import type { ViolationBatch } from './violationTypes';

export interface ContractsApi {
  /** Checks every message against these from now on (null: none); a refused file changes nothing. */
  setContracts(file: ContractFile | null): Promise<{ ok: true } | { ok: false; problems: ContractProblem[] }>;
  /** Violations and counts in batches; returns the listener's id. */
  openViolations(listener: (batch: ViolationBatch) => void): Promise<number>;
  closeViolations(id: number): Promise<void>;
  /** A draft from the messages the kernel's event log still keeps; null when it holds none. */
  inferContract(): Promise<ContractFile | null>;
}

export interface ContractsApiDeps {
  kernel: Pick<Kernel, 'events' | 'snapshot'>;
  subscribe(listener: (events: readonly KernelEvent[]) => void): Promise<() => void>;
}

/** Kinds of the agents alive now, then those the events deployed (the log may have dropped them). */
function kindsNow(kernel: ContractsApiDeps['kernel'], events: readonly KernelEvent[] = []): KindOf {
  const live = kindsFrom(kernel.snapshot().agents);
  const logged = kindsFrom(events);
  return (name) => live(name) ?? logged(name);
}

export function createContractsApi(deps: ContractsApiDeps): ContractsApi {
  const feed = createViolationFeed({ subscribe: deps.subscribe, kindOf: () => kindsNow(deps.kernel) });
  return {
    async setContracts(file) {
      if (file === null) {
        await feed.setContracts(null);
        return { ok: true };
      }
      const parsed = parseContract(file);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      await feed.setContracts(parsed.contracts);
      return { ok: true };
    },
    openViolations: (listener) => feed.open(listener),
    closeViolations: (id) => feed.close(id),
    async inferContract() {
      const events = deps.kernel.events();
      if (!events.some((e) => e.type === 'message.sent')) return null;
      const draft = inferContractFromEvents(events, kindsNow(deps.kernel, events));
      return Object.keys(draft.kinds).length > 0 ? draft : null;
    },
  };
}
