/**
 * Stage 3, limits: may this agent's mailbox take one more message? A stopped or failed
 * agent takes none (`agent-stopped`); a mailbox holding `mailboxCapacity` queued messages
 * (in-flight ones do not count) is full: `reject` (the default) refuses the newest
 * (`mailbox-full`), `drop-oldest` evicts the oldest queued one to make room.
 */
import type { FailureReason } from '../../protocol/message';
import type { AgentNode } from '../state/nodes';

export type Admission = 'accept' | 'evict-oldest' | Extract<FailureReason, 'agent-stopped' | 'mailbox-full'>;

export function admit(agent: AgentNode): Admission {
  const status = agent.status;
  if (status === 'stopped' || status === 'failed' || status === 'stopping') return 'agent-stopped';
  const queued = agent.queue.length;
  if (queued < agent.limits.mailboxCapacity) return 'accept';
  return agent.limits.overflow === 'drop-oldest' && queued > 0 ? 'evict-oldest' : 'mailbox-full';
}

/** The failure detail for a refused message. */
export function refusal(agent: AgentNode, reason: 'agent-stopped' | 'mailbox-full'): string {
  return reason === 'mailbox-full' ? `${agent.limits.mailboxCapacity} messages already queued` : `"${agent.name}" is ${agent.status}`;
}
