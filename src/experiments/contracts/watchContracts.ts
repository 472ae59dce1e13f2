/**
 * Contracts counted over a run: a monitor subscribed to the shell's events (bounded memory,
 * whatever the run length), kinds from the agents already there and every later deploy. What
 * chaos and load runs given contracts put in their result.
 */
import type { ExperimentShell } from '../ExperimentShell';
import { kindsFrom } from './inferContract';
import { createContractMonitor } from './monitor';
import type { Contracts } from './parseContract';
import type { ObservedViolation } from './types';

/** How many violations a result lists (the counts cover all of them). */
export const FIRST_VIOLATIONS_KEPT = 20;

export interface ContractsSummary {
  /** Messages checked (at least one end's kind is in the contracts). */
  checked: number;
  violations: number;
  /** Messages with at least one violation. */
  messages: number;
  /** `echo accepts request` → violations. */
  byContract: Record<string, number>;
  /** The first FIRST_VIOLATIONS_KEPT violations, in order. */
  first: ObservedViolation[];
}

export interface ContractsWatch {
  stop(): void;
  summary(): ContractsSummary;
}

export function watchContracts(
  shell: Pick<ExperimentShell, 'subscribe' | 'snapshot'>,
  contracts: Contracts,
  keep = FIRST_VIOLATIONS_KEPT,
): ContractsWatch {
  const monitor = createContractMonitor(contracts, { kindOf: kindsFrom(shell.snapshot().agents) });
  const first: ObservedViolation[] = [];
  const stop = shell.subscribe((event) => {
    if (event.type !== 'agent.deployed' && event.type !== 'message.sent' && event.type !== 'message.delivered') return;
    for (const violation of monitor.observe([event])) if (first.length < keep) first.push(violation);
  });
  return {
    stop,
    summary() {
      const { checked, violations, messages, byContract } = monitor.counts();
      return { checked, violations, messages, byContract, first: [...first] };
    },
  };
}
