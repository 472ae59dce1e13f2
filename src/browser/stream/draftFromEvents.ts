/** A draft contract from a list of events: the live kernel's log window and an open recording both infer this way. */
import { inferContractFromEvents, type KindOf } from '../../experiments/contracts/inferContract';
import type { KernelEvent } from '../../kernel/types';
import type { ContractFile } from '../../experiments/contracts/types';

/** A draft and what it was inferred from. */
export interface InferredContract {
  draft: ContractFile;
  /** The whole run (or recording), or only the last events the kernel's log kept, and why. */
  from: { whole: true; events: number } | { whole: false; events: number; why: string };
}

/** The draft, saying what it was inferred from; null when no message among the events told of a kind. */
export function draftFromEvents(events: readonly KernelEvent[], kindOf: KindOf, from: InferredContract['from']): InferredContract | null {
  if (!events.some((e) => e.type === 'message.sent')) return null;
  const draft = inferContractFromEvents(events, kindOf);
  return Object.keys(draft.kinds).length > 0 ? { draft, from } : null;
}
