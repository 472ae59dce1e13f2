/**
 * The pipeline's exit for a message that cannot go on, from any stage: `message.failed`,
 * the link's policies told (breaker, acknowledgement, request retry), `message.dead-lettered`,
 * and a `failure` from the kernel back to the sender. That failure is the one call that
 * flows backwards (to the start of the pipeline), so it goes through `state.dispatch`.
 */
import type { AclMessage, FailureReason, JsonValue } from '../../protocol/message';
import { KERNEL_SENDER } from '../../protocol/names';
import { onFailedOverLink } from '../policy/linkOutcomes';
import { retryRequest } from '../policy/requestRetry';
import type { KernelState } from '../state/kernelState';
import type { DeadLetter } from '../types';

/**
 * `message` could not reach `to`: appends `message.failed` and `message.dead-lettered`,
 * and tells the sender with a `failure` (unless the kernel sent it: no failures about
 * failures, so nothing can loop).
 */
export function failMessage(
  state: KernelState,
  message: AclMessage,
  to: string,
  reason: FailureReason,
  detail: string | undefined,
  link: string | undefined,
): void {
  state.log.emit({ type: 'message.failed', messageId: message.id, to, reason, detail, link });
  if (link !== undefined && state.net.watching) {
    onFailedOverLink(state, message, to, link, reason === 'circuit-open');
    if (retryRequest(state, message, to, link, reason)) return; // not over yet: sent again later
  }
  deadLetter(state, message, to, reason, detail);
  if (message.sender === KERNEL_SENDER) return;
  const content: { [key: string]: JsonValue } = { reason, message_id: message.id, receiver: to };
  if (detail !== undefined) content.detail = detail;
  sendKernelFailure(state, message.sender, content, message.reply_with, message.conversation_id);
}

/** A `failure` from the kernel to `to`, answering `inReplyTo`. */
export function sendKernelFailure(
  state: KernelState,
  to: string,
  content: { [key: string]: JsonValue },
  inReplyTo: string | undefined,
  conversationId: string | undefined,
): void {
  const draft = { performative: 'failure' as const, receiver: to, content, in_reply_to: inReplyTo, conversation_id: conversationId };
  state.dispatch.send(state, draft, KERNEL_SENDER, undefined);
}

/** Appends `message.dead-lettered` and keeps the letter for the read. */
export function deadLetter(state: KernelState, message: AclMessage, to: string, reason: FailureReason, detail: string | undefined): void {
  state.log.emit({ type: 'message.dead-lettered', message, to, reason, detail });
  const letter: DeadLetter = { message, to, reason, t: state.now };
  if (detail !== undefined) letter.detail = detail;
  state.deadLetters.add(letter);
}
