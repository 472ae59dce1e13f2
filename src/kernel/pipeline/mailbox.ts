/**
 * Stage 4, mailbox: one FIFO queue per agent plus the deliveries in flight (handed to the
 * instance, not yet handled, at most the agent's window: min(maxInFlight, maxConcurrent),
 * the bulkhead; beyond it messages wait in the queue). Per sender→receiver order holds by
 * construction: a pair's messages enter the queue in send order (transit along one link is
 * FIFO; when links get latency, a pair's arrival time will be max(own, previous) as in
 * Maelstrom's net), leave it in that order, and crash requeues put in-flight messages back
 * at the front in their order.
 */
import type { AclMessage } from '../../protocol/message';
import { onHandledOverLink } from '../policy/linkOutcomes';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';
import { hand } from './deliver';
import { failMessage } from './fail';

/** Accepts an admitted message: straight to the instance when nothing waits and the window has room. */
export function enqueue(state: KernelState, agent: AgentNode, message: AclMessage, link: string | undefined): void {
  if (agent.status === 'running' && agent.queue.length === 0 && agent.inFlight.length < agent.window) {
    hand(state, agent, message, link); // fast path: nothing waiting, straight to the instance
    return;
  }
  agent.queue.push(message, link);
  pump(state, agent);
}

/**
 * drop-oldest: the newest message takes the place of the oldest queued one, which is
 * dead-lettered (its sender told) after the new one is in, so a failure that comes back to
 * this agent finds the mailbox as it should be.
 */
export function enqueueEvictingOldest(state: KernelState, agent: AgentNode, message: AclMessage, link: string | undefined): void {
  const oldest = agent.queue.at(0);
  const oldestLink = agent.queue.linkAt(0);
  agent.queue.drop();
  agent.queue.push(message, link);
  const detail = `dropped as the oldest of ${agent.limits.mailboxCapacity} queued messages (overflow: drop-oldest)`;
  failMessage(state, oldest, agent.name, 'mailbox-full', detail, oldestLink);
  pump(state, agent);
}

/** Hands queued messages to a running instance up to the in-flight limit. */
export function pump(state: KernelState, agent: AgentNode): void {
  if (agent.status !== 'running') return;
  const queue = agent.queue;
  while (queue.length > 0 && agent.inFlight.length < agent.window) {
    const message = queue.at(0);
    const link = queue.linkAt(0);
    queue.drop();
    hand(state, agent, message, link);
  }
}

/** The instance finished a message: returns it, or undefined if it was not in flight. */
export function handled(state: KernelState, agent: AgentNode, messageId: string, error: string | undefined): AclMessage | undefined {
  const inFlight = agent.inFlight;
  // The host handles deliveries in order, so it is nearly always the first.
  const i = inFlight.length > 0 && inFlight.at(0).id === messageId ? 0 : inFlight.indexOf(messageId);
  if (i < 0) return undefined;
  const message = inFlight.at(i);
  const link = inFlight.linkAt(i);
  if (i === 0) inFlight.drop();
  else inFlight.removeAt(i);
  if (error === undefined) state.log.emit({ type: 'message.handled', messageId, agent: agent.name, seq: 0, t: 0 });
  else state.log.emit({ type: 'message.handled', messageId, agent: agent.name, error });
  if (agent.redelivered !== undefined) agent.redelivered.delete(messageId);
  if (link !== undefined && state.net.watching) onHandledOverLink(state, message, agent.name, link, error === undefined);
  pump(state, agent);
  return message;
}

/** Puts every in-flight message back at the front of the queue, in order (nothing was handled). */
export function requeueInFlight(agent: AgentNode): void {
  const inFlight = agent.inFlight;
  for (let i = inFlight.length - 1; i >= 0; i--) agent.queue.unshift(inFlight.at(i), inFlight.linkAt(i));
  while (inFlight.length > 0) inFlight.drop();
}

/** Empties the mailbox (in flight first: they were ahead), calling `each` in order. */
export function drain(agent: AgentNode, each: (message: AclMessage, link: string | undefined) => void): void {
  for (const queue of [agent.inFlight, agent.queue]) {
    while (queue.length > 0) {
      const message = queue.at(0);
      const link = queue.linkAt(0);
      queue.drop();
      each(message, link);
    }
  }
}
