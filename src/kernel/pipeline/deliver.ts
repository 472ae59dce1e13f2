/**
 * Stage 5, deliver: a message handed to an agent's live instance (a `deliver` effect, now
 * in flight) or to a client or the console (a `reply` effect). `message.delivered` records
 * either.
 */
import type { AclMessage } from '../../protocol/message';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';

export function hand(state: KernelState, agent: AgentNode, message: AclMessage, link: string | undefined): void {
  agent.inFlight.push(message, link);
  state.log.emit({ type: 'message.delivered', messageId: message.id, to: agent.name, link, seq: 0, t: 0 });
  state.effects.push({ type: 'deliver', agent: agent.name, instance: agent.instance, message });
}

/** To a client node or the console `you`. */
export function reply(state: KernelState, message: AclMessage, client: string, link: string | undefined): void {
  state.log.emit({ type: 'message.delivered', messageId: message.id, to: client, link, seq: 0, t: 0 });
  state.effects.push({ type: 'reply', client, message });
}
