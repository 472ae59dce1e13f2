/**
 * Events from the host that runs the instances. Each names its instance; events from any
 * instance but the live one (a crashed, restarted or stopped one) are ignored silently:
 * they describe a world that no longer exists.
 */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import type { MessageDraft } from '../../protocol/message';
import { KERNEL_SENDER } from '../../protocol/names';
import { checkDraft, DraftError } from '../../protocol/validate';
import { describeValue } from '../../protocol/describe';
import { handled } from '../pipeline/mailbox';
import { sendMessage } from '../pipeline/send';
import type { KernelState } from '../state/kernelState';
import { isAlive, type AgentNode } from '../state/nodes';
import { onCrashed, onInitFailed, onReady } from '../supervision/supervisor';
import type { HostEvent, LogLevel } from '../types';
import { setTimer } from './agentTimers';

const LEVELS: ReadonlySet<string> = new Set<LogLevel>(['debug', 'info', 'warn', 'error']);

export function onHostEvent(state: KernelState, event: HostEvent): OrreryErrorData | undefined {
  const agent = state.registry.agent(event.agent);
  if (agent === undefined || agent.instance !== event.instance || !isAlive(agent.status)) return undefined; // stale, or for a removed agent
  const type = event.type;
  if (type === 'agent.sent') return onSent(state, agent, event.message);
  if (type === 'agent.handled') return onHandled(state, agent, event.messageId, event.error);
  switch (type) {
    case 'agent.ready':
      onReady(state, agent);
      return undefined;
    case 'agent.init-failed':
      onInitFailed(state, agent, String(event.error));
      return undefined;
    case 'agent.crashed':
      onCrashed(
        state,
        agent,
        typeof event.reason === 'string' ? event.reason : describeValue(event.reason),
        typeof event.messageId === 'string' ? event.messageId : undefined,
        event.bystander === true ? 'bystander' : 'own',
      );
      return undefined;
    case 'agent.timer':
      setTimer(state, agent, event.delayMs, event.tag);
      return undefined;
    case 'kv.set':
      if (typeof event.key !== 'string' || typeof event.value !== 'string') return malformed(event, 'key and value strings');
      agent.kv.set(event.key, event.value);
      state.log.emit({ type: 'kv.set', agent: agent.name, key: event.key, value: event.value });
      return undefined;
    case 'agent.log':
      state.log.emit({ type: 'log', agent: agent.name, level: LEVELS.has(event.level) ? event.level : 'info', text: String(event.text) });
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A guest's `send`. Invalid drafts become `message.invalid` plus a `warn` log line in the
 * agent's log; nothing is sent back to the agent, so a guest that answers every message
 * with a bad one cannot start a feedback loop.
 */
function onSent(state: KernelState, agent: AgentNode, message: unknown): undefined {
  const draft = checkDraft(message, agent.limits.maxMessageBytes);
  if (draft instanceof DraftError) {
    state.log.emit({ type: 'message.invalid', from: agent.name, error: draft.message });
    state.log.emit({ type: 'log', agent: agent.name, level: 'warn', text: `message not sent: ${draft.message}` });
    return undefined;
  }
  sendMessage(state, draft, agent.name, agent);
  return undefined;
}

/** A guest error (not a trap) answers the sender with `not-understood`. */
function onHandled(state: KernelState, agent: AgentNode, messageId: unknown, error: unknown): OrreryErrorData | undefined {
  if (typeof messageId !== 'string') return malformed({ type: 'agent.handled' }, 'a messageId string');
  const reason = error === undefined ? undefined : String(error);
  const message = handled(state, agent, messageId, reason);
  if (message === undefined) {
    state.log.emit({ type: 'log', agent: agent.name, level: 'warn', text: `host reported ${messageId} handled, but it was not in flight` });
    return undefined;
  }
  if (reason === undefined || message.sender === KERNEL_SENDER) return undefined;
  const reply: MessageDraft = {
    performative: 'not-understood',
    receiver: message.sender,
    content: { reason, original: { performative: message.performative, id: message.id } },
    in_reply_to: message.reply_with,
    conversation_id: message.conversation_id,
  };
  sendMessage(state, reply, agent.name, agent);
  return undefined;
}

function malformed(event: { type: string }, expected: string): OrreryErrorData {
  return errorData('ORR017', `malformed ${event.type}: expected ${expected}`, { expected, received: 'something else' });
}
