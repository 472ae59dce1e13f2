/** What the link's policies learn when a message that crossed it is handled or fails. */
import type { AclMessage } from '../../protocol/message';
import type { KernelState } from '../state/kernelState';
import { onBreakerFailure, onBreakerSuccess } from './breaker';
import { acked, settle } from './reliability';
import { requestDone } from './requestRetry';

/** An agent handled a message that came over `linkId`: acknowledge it, tell the breaker. */
export function onHandledOverLink(state: KernelState, message: AclMessage, agent: string, linkId: string, ok: boolean): void {
  acked(state, message.id, agent, linkId);
  requestDone(state, message.id, agent);
  const link = state.links.byId.get(linkId);
  if (ok && link?.breaker !== undefined) onBreakerSuccess(state, link, message.id);
}

/** A message that had crossed `linkId` failed at or on the way to `to`. */
export function onFailedOverLink(state: KernelState, message: AclMessage, to: string, linkId: string, fastFail: boolean): void {
  settle(state, message.id, to);
  const link = state.links.byId.get(linkId);
  if (!fastFail && link?.breaker !== undefined) onBreakerFailure(state, link, message.id);
}
