/** Agent instances coming and going, as the kernel records them: status, spawn, a mailbox failed. */
import type { FailureReason } from '../../protocol/message';
import { resendStanding } from '../chaos/agentFaults';
import { drain } from '../pipeline/mailbox';
import { failMessage } from '../pipeline/fail';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';
import type { AgentStatus } from '../types';

export function setStatus(state: KernelState, agent: AgentNode, status: AgentStatus, reason?: string): void {
  agent.status = status;
  if (reason === undefined) state.log.emit({ type: 'agent.status', agent: agent.name, status });
  else state.log.emit({ type: 'agent.status', agent: agent.name, status, reason });
}

/** Asks the host for a new instance carrying the agent's durable kv (and standing chaos). */
export function spawn(state: KernelState, agent: AgentNode): void {
  state.effects.push({
    type: 'spawn',
    agent: agent.name,
    instance: agent.instance,
    kind: agent.kind,
    config: agent.config,
    limits: { ...agent.limits },
    kv: Object.fromEntries(agent.kv),
    isolated: agent.isolated,
  });
  if (state.chaos.standing.length > 0) resendStanding(state, agent);
}

/** Fails everything in the mailbox. Set the status (or remove the node) first, so a
 * failure addressed back to this agent is refused rather than queued again. */
export function failAll(state: KernelState, agent: AgentNode, reason: FailureReason, detail: string): void {
  agent.redelivered = undefined;
  drain(agent, (message, link) => failMessage(state, message, agent.name, reason, detail, link));
}
