/**
 * At-least-once delivery per link (`policy.delivery`). A message crossing such a link is
 * tracked per (receiver, id) until the receiver's kernel acknowledges it — when the agent
 * has handled it (`message.acked`; a client on delivery). Until it reaches the receiver
 * it is resent on a timer with exponential backoff (`message.retried`); after
 * `maxAttempts` it is dead-lettered (`timeout`) and its sender told. Once it has reached
 * the receiver's mailbox, which is durable, resending stops: from there it is handled,
 * redelivered after a crash, or dead-lettered with the sender told — each ends tracking.
 * The receiver discards copies it has already accepted (`message.duplicate-discarded`).
 */
import type { AclMessage } from '../../protocol/message';
import { retryDelay } from '../backoff';
import type { KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import type { LinkRecord } from '../state/nodes';
import { keyOf, MAX_SEEN } from '../state/reliability';

export function track(state: KernelState, message: AclMessage, to: string, link: LinkRecord): void {
  const key = keyOf(to, message.id);
  if (state.reliable.pending.has(key)) return;
  const token = state.ids.token();
  state.reliable.pending.set(key, { message, to, link: link.id, attempt: 1, arrived: false, token });
  state.net.watching = true;
  const retry = link.policy!.retry;
  state.scheduler.push(state.now + retryDelay(retry.initialMs, retry.maxMs, 1), { kind: 'retry', key, token });
}

/** True if `to` already accepted this message over an at-least-once link. */
export function isDuplicate(state: KernelState, to: string, id: string): boolean {
  let seen = state.reliable.seen.get(to);
  if (seen === undefined) state.reliable.seen.set(to, (seen = new Set()));
  if (seen.has(id)) return true;
  seen.add(id);
  if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value!);
  return false;
}

export function arrivedAt(state: KernelState, id: string, to: string): void {
  const pending = state.reliable.pending.get(keyOf(to, id));
  if (pending !== undefined) pending.arrived = true;
}

export function acked(state: KernelState, id: string, to: string, link: string): void {
  if (state.reliable.pending.size === 0) return;
  const key = keyOf(to, id);
  if (!state.reliable.pending.has(key)) return;
  end(state, key);
  state.log.emit({ type: 'message.acked', messageId: id, link });
}

/** The message failed for good at or on the way to `to`: stop tracking it. */
export function settle(state: KernelState, id: string, to: string): void {
  if (state.reliable.pending.size > 0) end(state, keyOf(to, id));
}

/** Stops tracking a message (acknowledged, failed, given up). */
export function end(state: KernelState, key: string): void {
  if (state.reliable.pending.delete(key) && state.reliable.pending.size === 0) refreshNet(state);
}
