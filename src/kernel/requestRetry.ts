/**
 * Retrying failed requests in the kernel (link policy `requestRetry`): a `request` with
 * `reply_with` that fails over the link for a transient reason is not answered with a
 * `failure` yet; `message.failed` records the failed attempt, `message.retried` the
 * resend, which goes over the link again after an exponential backoff (breaker, chaos
 * and all). Same message, same id, so the receiver's dedupe and the requester's
 * correlation see one request. After `maxAttempts` sends the failure goes to the sender
 * and the message to the dead letters, as without the policy.
 */
import type { AclMessage, FailureReason } from '../protocol/message';
import { retryDelay } from './backoff';
import type { KernelContext } from './context';
import { transmit } from './network';
import { failMessage } from './router';

const TRANSIENT: readonly FailureReason[] = ['agent-crashed', 'deadline-exceeded', 'mailbox-full', 'timeout', 'circuit-open'];

const keyOf = (to: string, id: string) => `${to}\u0000${id}`;

/** True if the failure was turned into a scheduled resend (the caller then stops). */
export function retryRequest(ctx: KernelContext, message: AclMessage, to: string, linkId: string, reason: FailureReason): boolean {
  if (message.performative !== 'request' || message.reply_with === undefined) return false;
  const policy = ctx.links.byId.get(linkId)?.policy?.requestRetry;
  if (policy === undefined || !(policy.reasons ?? TRANSIENT).includes(reason)) return false;
  const key = keyOf(to, message.id);
  const sends = ctx.reliable.requestSends.get(key) ?? 1;
  if (sends >= policy.maxAttempts) {
    ctx.reliable.requestSends.delete(key);
    return false;
  }
  ctx.reliable.requestSends.set(key, sends + 1);
  ctx.scheduler.push(ctx.now + retryDelay(policy.initialMs, policy.maxMs, sends), { kind: 'resend', message, to, link: linkId });
  return true;
}

export function resendDue(ctx: KernelContext, message: AclMessage, to: string, linkId: string): void {
  const key = keyOf(to, message.id);
  const attempt = ctx.reliable.requestSends.get(key) ?? 2;
  const link = ctx.links.byId.get(linkId);
  if (link === undefined || ctx.registry.get(to) === undefined) {
    ctx.reliable.requestSends.delete(key);
    failMessage(ctx, message, to, 'no-route', `the link or receiver went away before retry ${attempt}`, undefined);
    return;
  }
  ctx.log.emit({ type: 'message.retried', messageId: message.id, link: linkId, attempt });
  transmit(ctx, message, to, linkId, true);
}

/** The request was handled: forget its attempts. */
export function requestDone(ctx: KernelContext, id: string, to: string): void {
  if (ctx.reliable.requestSends.size > 0) ctx.reliable.requestSends.delete(keyOf(to, id));
}
