/**
 * The contracts in use and the violations the page knows of. The kernel worker checks every
 * message (browser/stream/createViolationFeed.ts) and sends violations in batches: the page
 * keeps those of the latest messages (bounded, like the log's rows) by message id, and the
 * counts exactly as the worker counted them. Saved with the workspace (`contracts`).
 */
import type { StoreApi } from 'zustand/vanilla';
import { parseContract } from '../../experiments/contracts/parseContract';
import type { ContractFile, ContractProblem, ObservedViolation, ViolationCounts } from '../../experiments/contracts/types';
import { emptyCounts, type ViolationBatch } from '../../browser/stream/violationTypes';
import type { ErrorCode } from '../../protocol/errors';

/** Messages whose violations are kept for the log and the inspector (the oldest go first). */
export const MAX_VIOLATING_MESSAGES = 5_000;

export interface ViolationsView {
  /** Message id → its violations (both sides, every receiver). */
  byMessage: Record<string, ObservedViolation[]>;
  /** Message ids in `byMessage`, oldest first. */
  order: string[];
  /** As the worker counted them since the contracts were set (exact). */
  counts: ViolationCounts;
  /** Violations the worker saw but did not send whole (over its per-batch cap). */
  omitted: number;
}

export interface ContractsSliceData {
  /** The contract file in use (checked in the kernel worker); null: none. */
  contracts: ContractFile | null;
  violations: ViolationsView;
}

export interface ContractsSliceActions {
  /** Parses `value`; a refused file raises an ORR601 notice naming each path and keeps the contracts in use. */
  loadContracts(value: unknown): { ok: true } | { ok: false; problems: ContractProblem[] };
  /** Replaces the contracts (null: none); the violations start over. */
  setContracts(file: ContractFile | null): void;
  applyViolations(batch: ViolationBatch): void;
}

export function emptyViolations(): ViolationsView {
  return { byMessage: {}, order: [], counts: emptyCounts(), omitted: 0 };
}

const sameViolation = (a: ObservedViolation, b: ObservedViolation) =>
  a.seq === b.seq &&
  a.side === b.side &&
  a.agent === b.agent &&
  a.contract.kind === b.contract.kind &&
  a.contract.performative === b.contract.performative &&
  a.contract.direction === b.contract.direction;

/** The batch's violations added by message id (at most `max` messages kept), its counts taken as they are. */
export function reduceViolations(view: ViolationsView, batch: ViolationBatch, max = MAX_VIOLATING_MESSAGES): ViolationsView {
  const byMessage = { ...view.byMessage };
  const order = [...view.order];
  for (const violation of batch.violations) {
    const id = violation.messageId;
    if (id === undefined) continue;
    const known = Object.hasOwn(byMessage, id) ? byMessage[id] : undefined;
    if (known) {
      // A batch sent twice (a recording's violations to a listener that subscribed meanwhile) adds nothing.
      if (!known.some((k) => sameViolation(k, violation))) byMessage[id] = [...known, violation];
    } else {
      byMessage[id] = [violation];
      order.push(id);
    }
  }
  const over = Math.max(0, order.length - max);
  for (const id of order.splice(0, over)) delete byMessage[id];
  return { byMessage, order, counts: batch.counts, omitted: view.omitted + batch.omitted };
}

/** `kinds.echo.request.accepts: not a valid JSON Schema: ...; version: ...` */
export function describeProblems(problems: readonly ContractProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}

type SetState = StoreApi<ContractsSliceData>['setState'];

export function createContractsSlice(
  set: SetState,
  notify: (code: ErrorCode, message: string) => void,
): ContractsSliceData & ContractsSliceActions {
  const setContracts = (file: ContractFile | null) => set({ contracts: file, violations: emptyViolations() });
  return {
    contracts: null,
    violations: emptyViolations(),
    setContracts,
    loadContracts(value) {
      const parsed = parseContract(value);
      if (!parsed.ok) {
        notify('ORR601', `The contract file was refused (the contracts in use were kept): ${describeProblems(parsed.problems)}`);
        return { ok: false, problems: parsed.problems };
      }
      setContracts(parsed.contracts.file);
      return { ok: true };
    },
    applyViolations: (batch) => set((s) => ({ violations: reduceViolations(s.violations, batch) })),
  };
}
