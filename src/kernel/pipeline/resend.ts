/**
 * The link stage's scheduled resends: an at-least-once message not yet acknowledged
 * (`policy/reliability.ts`) and a failed request sent again (`policy/requestRetry.ts`)
 * cross their link again, or fail for good.
 */
import type { AclMessage } from '../../protocol/message';
import { retryDelay } from '../backoff';
import { end } from '../policy/reliability';
import type { KernelState } from '../state/kernelState';
import { keyOf } from '../state/reliability';
import { failMessage } from './fail';
import { transmit } from './link';

export function retryDue(state: KernelState, key: string, token: number): void {
  const pending = state.reliable.pending.get(key);
  if (pending === undefined || pending.token !== token || pending.arrived) return;
  const link = state.links.byId.get(pending.link);
  if (link === undefined) {
    end(state, key);
    failMessage(
      state,
      pending.message,
      pending.to,
      'no-route',
      `link ${pending.link} was removed before the message was acknowledged`,
      undefined,
    );
    return;
  }
  const retry = link.policy?.retry;
  if (retry === undefined || pending.attempt >= retry.maxAttempts) {
    end(state, key);
    failMessage(
      state,
      pending.message,
      pending.to,
      'timeout',
      `not acknowledged after ${pending.attempt} attempts over link ${link.id}`,
      link.id,
    );
    return;
  }
  pending.attempt++;
  pending.token = state.ids.token();
  state.log.emit({ type: 'message.retried', messageId: pending.message.id, link: link.id, attempt: pending.attempt });
  state.scheduler.push(state.now + retryDelay(retry.initialMs, retry.maxMs, pending.attempt), { kind: 'retry', key, token: pending.token });
  transmit(state, pending.message, pending.to, link.id, false);
}

export function resendDue(state: KernelState, message: AclMessage, to: string, linkId: string): void {
  const key = keyOf(to, message.id);
  const attempt = state.reliable.requestSends.get(key) ?? 2;
  const link = state.links.byId.get(linkId);
  if (link === undefined || state.registry.get(to) === undefined) {
    state.reliable.requestSends.delete(key);
    failMessage(state, message, to, 'no-route', `the link or receiver went away before retry ${attempt}`, undefined);
    return;
  }
  state.log.emit({ type: 'message.retried', messageId: message.id, link: linkId, attempt });
  transmit(state, message, to, linkId, true);
}
