/**
 * A tick: every request whose deadline has come gets a `failure` (timeout) to its
 * requester; then the kernel's scheduled items that are due (restarts, transit, retries,
 * resends, breaker probes, agent timers), in (time, order).
 */
import type { JsonValue } from '../protocol/message';
import { timerDue } from './host/agentTimers';
import { halfOpenDue } from './policy/breaker';
import { sendKernelFailure } from './pipeline/fail';
import { transitDue } from './pipeline/link';
import { resendDue, retryDue } from './pipeline/resend';
import type { KernelState } from './state/kernelState';
import { restartDue } from './supervision/restarts';

export function onTick(state: KernelState): void {
  onReplyDeadlines(state);
  runDue(state);
}

export function runDue(state: KernelState): void {
  for (let item = state.scheduler.pop(state.now); item !== undefined; item = state.scheduler.pop(state.now)) {
    switch (item.kind) {
      case 'restart':
        restartDue(state, item.agent, item.token);
        break;
      case 'transit':
        transitDue(state, item);
        break;
      case 'retry':
        retryDue(state, item.key, item.token);
        break;
      case 'resend':
        resendDue(state, item.message, item.to, item.link);
        break;
      case 'half-open':
        halfOpenDue(state, item.link, item.token);
        break;
      case 'agent-timer':
        timerDue(state, item.agent, item.tag, item.token);
        break;
    }
  }
}

function onReplyDeadlines(state: KernelState): void {
  for (const request of state.correlation.takeDue(state.now)) {
    const original = request.message;
    const content: { [key: string]: JsonValue } = {
      reason: 'timeout',
      message_id: original.id,
      receiver: typeof original.receiver === 'string' ? original.receiver : [...original.receiver],
      detail: `no reply to ${request.replyWith} by ${request.at}`,
    };
    sendKernelFailure(state, request.requester, content, request.replyWith, original.conversation_id);
    state.correlation.rememberTimeout(request);
  }
}
