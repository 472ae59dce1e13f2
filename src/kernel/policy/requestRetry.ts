/**
 * Retrying failed requests in the kernel (link policy `requestRetry`): a `request` with
 * `reply_with` that fails over the link for a transient reason is not answered with a
 * `failure` yet; `message.failed` records the failed attempt, `message.retried` the
 * resend, which goes over the link again after an exponential backoff (breaker, chaos
 * and all). Same message, same id, so the receiver's dedupe and the requester's
 * correlation see one request. After `maxAttempts` sends the failure goes to the sender
 * and the message to the dead letters, as without the policy.
 */
import type { AclMessage, FailureReason } from '../../protocol/message';
import { retryDelay } from '../backoff';
import type { KernelState } from '../state/kernelState';
import { keyOf } from '../state/reliability';

const TRANSIENT: readonly FailureReason[] = ['agent-crashed', 'deadline-exceeded', 'mailbox-full', 'timeout', 'circuit-open'];

/** True if the failure was turned into a scheduled resend (the caller then stops). */
export function retryRequest(state: KernelState, message: AclMessage, to: string, linkId: string, reason: FailureReason): boolean {
  if (message.performative !== 'request' || message.reply_with === undefined) return false;
  const policy = state.links.byId.get(linkId)?.policy?.requestRetry;
  if (policy === undefined || !(policy.reasons ?? TRANSIENT).includes(reason)) return false;
  const key = keyOf(to, message.id);
  const sends = state.reliable.requestSends.get(key) ?? 1;
  if (sends >= policy.maxAttempts) {
    state.reliable.requestSends.delete(key);
    return false;
  }
  state.reliable.requestSends.set(key, sends + 1);
  state.scheduler.push(state.now + retryDelay(policy.initialMs, policy.maxMs, sends), { kind: 'resend', message, to, link: linkId });
  return true;
}

/** The request was handled: forget its attempts. */
export function requestDone(state: KernelState, id: string, to: string): void {
  if (state.reliable.requestSends.size > 0) state.reliable.requestSends.delete(keyOf(to, id));
}
