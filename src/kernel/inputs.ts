/** Messages from outside the agents (console, clients) and clock ticks. */
import { errorData, fromValidation, type OrreryErrorData } from '../protocol/errors';
import type { JsonValue } from '../protocol/message';
import { CONSOLE } from '../protocol/names';
import { checkDraft, DraftError } from '../protocol/validate';
import { describeValue } from '../protocol/describe';
import type { KernelContext } from './context';
import type { ClientNode } from './registry';
import { sendKernelFailure, sendMessage } from './router';
import { runDue } from './timers';

/**
 * A message from the console (`from` omitted or "you") or a client node (`from`, or the
 * draft's `sender` when `from` is omitted). The console may not speak as an agent: a
 * `sender` naming anything but a client is refused, so the log never lies about who sent.
 */
export function consoleSend(ctx: KernelContext, input: unknown, from: unknown): OrreryErrorData | undefined {
  const claimed = from === undefined ? CONSOLE : from;
  const draft = checkDraft(input, ctx.maxMessageBytes);
  if (draft instanceof DraftError) return invalid(ctx, typeof claimed === 'string' ? claimed : CONSOLE, fromValidation(draft));
  let sender = claimed;
  if (draft.sender !== undefined && draft.sender !== sender) {
    if (from !== undefined && from !== CONSOLE) {
      return invalid(ctx, String(from), errorData('ORR016', `sender "${draft.sender}" does not match from "${String(from)}"`, { expected: `sender "${String(from)}" or none`, received: `"${draft.sender}"` }));
    }
    sender = draft.sender;
  }
  let node: ClientNode | undefined;
  if (sender !== CONSOLE) {
    const found = typeof sender === 'string' ? ctx.registry.get(sender) : undefined;
    if (found?.type !== 'client') {
      const name = typeof sender === 'string' ? `"${sender}"` : describeValue(sender);
      const why = found ? `${name} is an ${found.type}, not a client` : `no client named ${name}`;
      return invalid(ctx, typeof sender === 'string' ? sender : CONSOLE, errorData('ORR016', `cannot send as ${name}: ${why}`, { expected: 'the console or an existing client', received: name }));
    }
    node = found;
  }
  sendMessage(ctx, draft, sender as string, node);
  return undefined;
}

function invalid(ctx: KernelContext, from: string, error: OrreryErrorData): OrreryErrorData {
  ctx.log.emit({ type: 'message.invalid', from, error: error.message });
  return error;
}

/**
 * Every request whose deadline has come gets a `failure` (timeout) to its requester; then
 * the due restarts, landings, retries and breaker probes, in (time, order).
 */
export function onTick(ctx: KernelContext): void {
  onReplyDeadlines(ctx);
  runDue(ctx);
}

function onReplyDeadlines(ctx: KernelContext): void {
  for (const request of ctx.correlation.takeDue(ctx.now)) {
    const original = request.message;
    const content: { [key: string]: JsonValue } = {
      reason: 'timeout',
      message_id: original.id,
      receiver: typeof original.receiver === 'string' ? original.receiver : [...original.receiver],
      detail: `no reply to ${request.replyWith} by ${request.at}`,
    };
    sendKernelFailure(ctx, request.requester, content, request.replyWith, original.conversation_id);
    ctx.correlation.rememberTimeout(request);
  }
}
