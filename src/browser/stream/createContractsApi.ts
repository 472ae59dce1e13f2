/**
 * The kernel worker's contract methods: set the contracts (checked in the worker over every
 * event, see createViolationFeed), follow the violations, and infer a draft contract from
 * the whole live run (its tape, see inferFromTape), or from the kernel's event log when the
 * tape no longer holds the whole run.
 */
import type { Kernel } from '../../kernel/kernel';
import type { KernelEvent } from '../../kernel/types';
import { kindsFrom, type KindOf } from '../../experiments/contracts/inferContract';
import { parseContract } from '../../experiments/contracts/parseContract';
import type { ContractFile, ContractProblem } from '../../experiments/contracts/types';
import { createViolationFeed } from './createViolationFeed';
import { draftFromEvents, type InferredContract } from './draftFromEvents';
import { inferFromTape, type LiveTape } from './inferFromTape';
import type { ViolationBatch } from './violationTypes';

export type { InferredContract } from './draftFromEvents';

export interface ContractsApi {
  /** Checks every message against these from now on (null: none); a refused file changes nothing. */
  setContracts(file: ContractFile | null): Promise<{ ok: true } | { ok: false; problems: ContractProblem[] }>;
  /** Violations and counts in batches; returns the listener's id. */
  openViolations(listener: (batch: ViolationBatch) => void): Promise<number>;
  closeViolations(id: number): Promise<void>;
  /** A draft from the run's messages, saying what it read; null when there was no message to read. */
  inferContract(): Promise<InferredContract | null>;
}

export interface ContractsApiDeps {
  kernel: Pick<Kernel, 'events' | 'snapshot'>;
  subscribe(listener: (events: readonly KernelEvent[]) => void): Promise<() => void>;
  /** The live tape: a draft then covers the whole run while the tape holds it. */
  tape?: LiveTape;
}

const NO_TAPE = 'this workbench keeps no tape of its run';

/** A draft from the kernel's event log window (the tape cannot give the whole run). */
function inferFromWindow(kernel: ContractsApiDeps['kernel'], why: string): InferredContract | null {
  const events = kernel.events();
  return draftFromEvents(events, kindsNow(kernel, events), { whole: false, events: events.length, why });
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
      const tape = deps.tape;
      const cut = tape?.recorder.cutShort;
      if (!tape || cut) return inferFromWindow(deps.kernel, cut ? cut.reason || 'the tape was let go' : NO_TAPE);
      const { inference, events } = await inferFromTape(tape, kindsNow(deps.kernel));
      const draft = inference.contract();
      return inference.messages > 0 && Object.keys(draft.kinds).length > 0 ? { draft, from: { whole: true, events } } : null;
    },
  };
}
