/**
 * Checks one message against the contracts of its sender's kind (what it SENDS) and its
 * receiver's kind (what it ACCEPTS). A kind the file does not mention is not checked; a kind
 * it mentions must list the performative, or the message is a violation.
 */
import type { AclMessage, MessageDraft } from '../../protocol/message';
import type { Contracts } from './parseContract';
import type { ContractRef, ObservedViolation, Violation } from './types';

export interface MessageParties {
  /** Undefined for clients, the console and the kernel: no contract applies. */
  senderKind?: string;
  receiverKind?: string;
  /** Who received it, for the violation (defaults to the message's single receiver). */
  receiver?: string;
}

type Checked = Pick<MessageDraft, 'performative' | 'content' | 'receiver' | 'sender'> & Partial<Pick<AclMessage, 'id'>>;

export function checkMessage(contracts: Contracts, message: Checked, parties: MessageParties): Violation[] {
  const out: Violation[] = [];
  const sender = message.sender ?? '?';
  const receiver = parties.receiver ?? (typeof message.receiver === 'string' ? message.receiver : message.receiver.join(','));
  if (parties.senderKind !== undefined) {
    const violation = checkSide(
      contracts,
      message,
      { kind: parties.senderKind, performative: message.performative, direction: 'sends' },
      sender,
    );
    if (violation) out.push(violation);
  }
  if (parties.receiverKind !== undefined) {
    const ref: ContractRef = { kind: parties.receiverKind, performative: message.performative, direction: 'accepts' };
    const violation = checkSide(contracts, message, ref, receiver);
    if (violation) out.push(violation);
  }
  return out;
}

function checkSide(contracts: Contracts, message: Checked, ref: ContractRef, agent: string): Violation | undefined {
  if (!contracts.hasKind(ref.kind)) return undefined;
  const side = ref.direction === 'sends' ? 'sender' : 'receiver';
  const base = { contract: ref, side, agent, ...(message.id !== undefined ? { messageId: message.id } : {}) } as const;
  const check = contracts.validator(ref);
  if (!check) {
    const verb = ref.direction === 'sends' ? 'send' : 'accept';
    return { ...base, problems: [`the contract of kind "${ref.kind}" does not say it may ${verb} ${ref.performative}`] };
  }
  const problems = check(message.content ?? null);
  return problems.length === 0 ? undefined : { ...base, problems };
}

/** `sender echo-1 (echo) sends request: content.n: expected integer, received string "x"` */
export function describeViolation(violation: Violation): string {
  const { kind, performative, direction } = violation.contract;
  const role = direction === 'sends' ? `sender ${violation.agent} (${kind}) sends` : `receiver ${violation.agent} (${kind}) accepts`;
  return `${role} ${performative}: ${violation.problems.join('; ')}`;
}

/** `echo1 → load at 5.4 ms: sender echo1 (echo) sends inform: content: ...`: a violation seen in a run, with where and when. */
export function describeObservedViolation(v: ObservedViolation): string {
  return `${v.from} → ${v.to} at ${v.t.toFixed(1)} ms: ${describeViolation(v)}`;
}
