/**
 * Mailboxes: one FIFO queue per agent plus the deliveries in flight (handed to the
 * instance, not yet handled, at most the agent's window: min(maxInFlight, maxConcurrent),
 * the bulkhead; beyond it messages wait in the queue). Per sender→receiver order holds by
 * construction: a pair's messages enter the queue in send order (transit along one link is
 * FIFO; when links get latency, a pair's arrival time will be max(own, previous) as in
 * Maelstrom's net), leave it in that order, and crash requeues put in-flight messages back
 * at the front in their order.
 */
import type { AclMessage, FailureReason } from '../protocol/message';
import type { KernelContext } from './context';
import { onHandledOverLink } from './network';
import type { AgentNode } from './registry';
import { failMessage } from './router';

/** Accepts a message into `agent`'s mailbox, or says why it cannot. */
export function enqueue(ctx: KernelContext, agent: AgentNode, message: AclMessage, link: string | undefined): FailureReason | undefined {
  const status = agent.status;
  if (status === 'running' && agent.queue.length === 0 && agent.inFlight.length < agent.window) {
    hand(ctx, agent, message, link); // fast path: nothing waiting, straight to the instance
    return undefined;
  }
  if (status === 'stopped' || status === 'failed' || status === 'stopping') return 'agent-stopped';
  if (agent.queue.length >= agent.limits.mailboxCapacity) {
    if (agent.limits.overflow !== 'drop-oldest' || agent.queue.length === 0) return 'mailbox-full';
    // drop-oldest: the newest message takes the place of the oldest queued one, which is
    // dead-lettered (its sender told) after the new one is in, so a failure that comes
    // back to this agent finds the mailbox as it should be.
    const oldest = agent.queue.at(0);
    const oldestLink = agent.queue.linkAt(0);
    agent.queue.drop();
    agent.queue.push(message, link);
    failMessage(ctx, oldest, agent.name, 'mailbox-full', `dropped as the oldest of ${agent.limits.mailboxCapacity} queued messages (overflow: drop-oldest)`, oldestLink);
    pump(ctx, agent);
    return undefined;
  }
  agent.queue.push(message, link);
  pump(ctx, agent);
  return undefined;
}

/** Hands queued messages to a running instance up to the in-flight limit. */
export function pump(ctx: KernelContext, agent: AgentNode): void {
  if (agent.status !== 'running') return;
  const queue = agent.queue;
  while (queue.length > 0 && agent.inFlight.length < agent.window) {
    const message = queue.at(0);
    const link = queue.linkAt(0);
    queue.drop();
    hand(ctx, agent, message, link);
  }
}

function hand(ctx: KernelContext, agent: AgentNode, message: AclMessage, link: string | undefined): void {
  agent.inFlight.push(message, link);
  ctx.log.emit({ type: 'message.delivered', messageId: message.id, to: agent.name, link, seq: 0, t: 0 });
  ctx.effects.push({ type: 'deliver', agent: agent.name, instance: agent.instance, message });
}

/** The instance finished a message: returns it, or undefined if it was not in flight. */
export function handled(ctx: KernelContext, agent: AgentNode, messageId: string, error: string | undefined): AclMessage | undefined {
  const inFlight = agent.inFlight;
  // The host handles deliveries in order, so it is nearly always the first.
  const i = inFlight.length > 0 && inFlight.at(0).id === messageId ? 0 : inFlight.indexOf(messageId);
  if (i < 0) return undefined;
  const message = inFlight.at(i);
  const link = inFlight.linkAt(i);
  if (i === 0) inFlight.drop();
  else inFlight.removeAt(i);
  if (error === undefined) ctx.log.emit({ type: 'message.handled', messageId, agent: agent.name, seq: 0, t: 0 });
  else ctx.log.emit({ type: 'message.handled', messageId, agent: agent.name, error });
  if (agent.redelivered !== undefined) agent.redelivered.delete(messageId);
  if (link !== undefined && ctx.net.watching) onHandledOverLink(ctx, message, agent.name, link, error === undefined);
  pump(ctx, agent);
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
