/**
 * Watches kernel events and checks every message against the contracts as it goes:
 * at `message.sent` the sender's `sends` and the `accepts` of each receiver named directly
 * (a message to a kind that does not accept it is a violation even if it is then lost);
 * for topic and broadcast messages, whose receivers are known only when the kernel hands
 * the message over, the `accepts` at each `message.delivered`. Memory stays bounded
 * whatever the run length: topic and broadcast messages wait in a map of at most
 * `maxPending` entries (oldest evicted: a delivery after that is not checked).
 */
import { BROADCAST, TOPIC_PREFIX, type AclMessage } from '../../protocol/message';
import type { KernelEvent } from '../../kernel/types';
import { checkMessage } from './checkMessage';
import type { KindOf } from './inferContract';
import type { Contracts } from './parseContract';
import type { ContractRef, ObservedViolation, Violation, ViolationCounts } from './types';

export interface ContractMonitor {
  /** Checks the message events among these; returns the violations they showed (in order). */
  observe(events: readonly KernelEvent[]): ObservedViolation[];
  /** A fresh copy. */
  counts(): ViolationCounts;
  /** Topic and broadcast messages waiting for their deliveries (never more than `maxPending`). */
  pending(): number;
}

export interface ContractMonitorOptions {
  /** Kinds of agents that existed before the first event seen (later ones come from `agent.deployed`). */
  kindOf?: KindOf;
  /** How many topic/broadcast messages wait for deliveries at most (default 1024). */
  maxPending?: number;
}

export const DEFAULT_MAX_PENDING = 1024;

/** The link a violation crossed: `from→to`. */
export function pairKey(from: string, to: string): string {
  return `${from}→${to}`;
}

/** `echo accepts request`. */
export function contractKey(ref: ContractRef): string {
  return `${ref.kind} ${ref.direction} ${ref.performative}`;
}

interface Pending {
  message: AclMessage;
  /** Receivers already checked (a redelivery is not a second message). */
  receivers: Set<string>;
  /** Counted in `counts.checked` / `counts.messages` already. */
  checked: boolean;
  violated: boolean;
}

const isFanOut = (receiver: AclMessage['receiver']): receiver is string =>
  typeof receiver === 'string' && (receiver === BROADCAST || receiver.startsWith(TOPIC_PREFIX));

export function createContractMonitor(contracts: Contracts, options: ContractMonitorOptions = {}): ContractMonitor {
  const learned = new Map<string, string>();
  const kindOf = (name: string): string | undefined => learned.get(name) ?? options.kindOf?.(name);
  /** A kind the contracts say something about (others are not checked). */
  const checkedKind = (name: string): string | undefined => {
    const kind = kindOf(name);
    return kind !== undefined && contracts.hasKind(kind) ? kind : undefined;
  };
  const maxPending = Math.max(0, options.maxPending ?? DEFAULT_MAX_PENDING);
  const pending = new Map<string, Pending>();
  const counts: ViolationCounts = { checked: 0, violations: 0, messages: 0, byPair: {}, byContract: {} };

  const record = (violation: Violation, message: AclMessage, to: string, event: KernelEvent): ObservedViolation => {
    counts.violations++;
    const pair = pairKey(message.sender, to);
    counts.byPair[pair] = (counts.byPair[pair] ?? 0) + 1;
    const key = contractKey(violation.contract);
    counts.byContract[key] = (counts.byContract[key] ?? 0) + 1;
    return { ...violation, from: message.sender, to, performative: message.performative, seq: event.seq, t: event.t };
  };

  const onSent = (message: AclMessage, event: KernelEvent, out: ObservedViolation[]): void => {
    const receiver = message.receiver;
    const fanOut = isFanOut(receiver);
    const senderKind = checkedKind(message.sender);
    const direct = fanOut ? [] : typeof receiver === 'string' ? [receiver] : [...new Set(receiver)];
    const found: ObservedViolation[] = [];
    const to = typeof receiver === 'string' ? receiver : receiver.join(',');
    if (senderKind !== undefined)
      for (const v of checkMessage(contracts, message, { senderKind })) found.push(record(v, message, to, event));
    let checked = senderKind !== undefined;
    for (const name of direct) {
      const receiverKind = checkedKind(name);
      if (receiverKind === undefined) continue;
      checked = true;
      for (const v of checkMessage(contracts, message, { receiverKind, receiver: name })) found.push(record(v, message, name, event));
    }
    if (checked) counts.checked++;
    if (found.length > 0) counts.messages++;
    out.push(...found);
    if (fanOut && maxPending > 0) {
      if (pending.size >= maxPending) pending.delete(pending.keys().next().value!);
      pending.set(message.id, { message, receivers: new Set(), checked, violated: found.length > 0 });
    }
  };

  const onDelivered = (messageId: string, to: string, event: KernelEvent, out: ObservedViolation[]): void => {
    const entry = pending.get(messageId);
    if (entry === undefined || entry.receivers.has(to)) return;
    const receiverKind = checkedKind(to);
    if (receiverKind === undefined) return;
    entry.receivers.add(to);
    if (!entry.checked) {
      entry.checked = true;
      counts.checked++;
    }
    const found = checkMessage(contracts, entry.message, { receiverKind, receiver: to }).map((v) => record(v, entry.message, to, event));
    if (found.length > 0 && !entry.violated) {
      entry.violated = true;
      counts.messages++;
    }
    out.push(...found);
  };

  return {
    observe(events) {
      const out: ObservedViolation[] = [];
      for (const event of events) {
        if (event.type === 'agent.deployed') learned.set(event.agent, event.kind);
        else if (event.type === 'message.sent') onSent(event.message, event, out);
        else if (event.type === 'message.delivered') onDelivered(event.messageId, event.to, event, out);
      }
      return out;
    },
    counts: () => ({ ...counts, byPair: { ...counts.byPair }, byContract: { ...counts.byContract } }),
    pending: () => pending.size,
  };
}
