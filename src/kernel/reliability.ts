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
import { retryDelay } from './backoff';
import type { KernelContext } from './context';
import { refreshNet, transmit } from './network';
import type { LinkRecord } from './registry';
import type { AclMessage } from '../protocol/message';
import { failMessage } from './router';

interface Pending {
  readonly message: AclMessage;
  readonly to: string;
  readonly link: string;
  attempt: number;
  arrived: boolean;
  token: number;
}

/** Message ids remembered per receiver for dedupe; the oldest are forgotten first. */
const MAX_SEEN = 100_000;

export class Reliability {
  readonly pending = new Map<string, Pending>();
  readonly seen = new Map<string, Set<string>>();
  /** (receiver, id) → sends so far of a request retried by `requestRetry`. */
  readonly requestSends = new Map<string, number>();
}

const keyOf = (to: string, id: string) => `${to}\u0000${id}`;

export function track(ctx: KernelContext, message: AclMessage, to: string, link: LinkRecord): void {
  const key = keyOf(to, message.id);
  if (ctx.reliable.pending.has(key)) return;
  const token = ctx.ids.token();
  ctx.reliable.pending.set(key, { message, to, link: link.id, attempt: 1, arrived: false, token });
  ctx.net.watching = true;
  const retry = link.policy!.retry;
  ctx.scheduler.push(ctx.now + retryDelay(retry.initialMs, retry.maxMs, 1), { kind: 'retry', key, token });
}

export function retryDue(ctx: KernelContext, key: string, token: number): void {
  const pending = ctx.reliable.pending.get(key);
  if (pending === undefined || pending.token !== token || pending.arrived) return;
  const link = ctx.links.byId.get(pending.link);
  if (link === undefined) {
    end(ctx, key);
    failMessage(ctx, pending.message, pending.to, 'no-route', `link ${pending.link} was removed before the message was acknowledged`, undefined);
    return;
  }
  const retry = link.policy?.retry;
  if (retry === undefined || pending.attempt >= retry.maxAttempts) {
    end(ctx, key);
    failMessage(ctx, pending.message, pending.to, 'timeout', `not acknowledged after ${pending.attempt} attempts over link ${link.id}`, link.id);
    return;
  }
  pending.attempt++;
  pending.token = ctx.ids.token();
  ctx.log.emit({ type: 'message.retried', messageId: pending.message.id, link: link.id, attempt: pending.attempt });
  ctx.scheduler.push(ctx.now + retryDelay(retry.initialMs, retry.maxMs, pending.attempt), { kind: 'retry', key, token: pending.token });
  transmit(ctx, pending.message, pending.to, link.id, false);
}

/** True if `to` already accepted this message over an at-least-once link. */
export function isDuplicate(ctx: KernelContext, to: string, id: string): boolean {
  let seen = ctx.reliable.seen.get(to);
  if (seen === undefined) ctx.reliable.seen.set(to, (seen = new Set()));
  if (seen.has(id)) return true;
  seen.add(id);
  if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value!);
  return false;
}

export function arrivedAt(ctx: KernelContext, id: string, to: string): void {
  const pending = ctx.reliable.pending.get(keyOf(to, id));
  if (pending !== undefined) pending.arrived = true;
}

export function acked(ctx: KernelContext, id: string, to: string, link: string): void {
  if (ctx.reliable.pending.size === 0) return;
  const key = keyOf(to, id);
  if (!ctx.reliable.pending.has(key)) return;
  end(ctx, key);
  ctx.log.emit({ type: 'message.acked', messageId: id, link });
}

/** The message failed for good at or on the way to `to`: stop tracking it. */
export function settle(ctx: KernelContext, id: string, to: string): void {
  if (ctx.reliable.pending.size > 0) end(ctx, keyOf(to, id));
}

function end(ctx: KernelContext, key: string): void {
  if (ctx.reliable.pending.delete(key) && ctx.reliable.pending.size === 0) refreshNet(ctx);
}
