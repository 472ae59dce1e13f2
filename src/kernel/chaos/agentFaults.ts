/** Agent faults as effects for the host: sent when injected, cleared, and again to every new instance of a standing fault's targets. */
import type { FaultSpec } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';
import { isAlive, type AgentNode } from '../state/nodes';

export function sendFault(state: KernelState, fault: FaultSpec, agent: AgentNode, off: boolean): void {
  const e = fault.effect;
  if (e.kind === 'slow' || e.kind === 'clock-skew')
    state.effects.push({ type: 'fault', agent: agent.name, instance: agent.instance, fault: e.kind, ms: off ? 0 : e.ms });
  else if (e.kind === 'crash' || e.kind === 'hang')
    state.effects.push({ type: 'fault', agent: agent.name, instance: agent.instance, fault: e.kind });
}

/** A new instance of `agent` gets the standing faults (slow, clock-skew) that hit the agent. */
export function resendStanding(state: KernelState, agent: AgentNode): void {
  const chaos = state.chaos;
  for (const fault of chaos.standing) if (chaos.hit.get(fault.id)?.has(agent.name)) sendFault(state, fault, agent, false);
}

/** An instance exists or is being made (not a restart waiting out its backoff). */
export function hasInstance(agent: AgentNode): boolean {
  return isAlive(agent.status) && agent.restartToken === 0;
}
