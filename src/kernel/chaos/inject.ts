/**
 * Chaos faults in force. Network faults (latency, drop, duplicate, reorder, corrupt,
 * partition, bandwidth) are rolled per message as it crosses a link (`pipeline/link.ts`).
 * Agent faults are rolled per targeted agent when injected: `kill` kills the instance
 * now (an abnormal exit, supervised, nothing blamed); `crash` and `hang` arm the host to
 * trap or spin on the instance's next message (one shot); `slow` and `clock-skew` stand
 * until cleared and are sent again to every new instance of the agents they hit.
 * Every application is a `chaos.injected` event.
 */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import type { FaultSpec } from '../resilienceTypes';
import { AGENT_FAULT_KINDS } from '../state/chaos';
import type { KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import { isAlive, type AgentNode } from '../state/nodes';
import { onCrashed } from '../supervision/supervisor';
import { hasInstance, sendFault } from './agentFaults';
import { checkFault } from './faultSpec';

/** `chaos.inject`: a fault with an id already in force replaces it. */
export function inject(state: KernelState, input: unknown): OrreryErrorData | undefined {
  const fault = checkFault(input);
  if ('code' in fault) return fault;
  if (state.chaos.faults.has(fault.id)) clearOne(state, fault.id);
  state.chaos.faults.set(fault.id, fault);
  state.chaos.rebuild();
  state.log.emit({ type: 'chaos.set', fault });
  if (AGENT_FAULT_KINDS.has(fault.effect.kind)) applyToAgents(state, fault);
  else refreshNet(state);
  return undefined;
}

/** `chaos.clear`: one fault, or all. Messages already held in transit still land. */
export function clear(state: KernelState, id: unknown): OrreryErrorData | undefined {
  if (id !== undefined) {
    if (typeof id !== 'string' || !state.chaos.faults.has(id))
      return errorData('ORR022', `no fault with id ${JSON.stringify(id)}`, {
        expected: 'the id of a fault in force',
        received: String(id),
      });
    clearOne(state, id);
  } else {
    for (const fault of [...state.chaos.faults.keys()]) clearOne(state, fault);
  }
  state.chaos.rebuild();
  refreshNet(state);
  return undefined;
}

function clearOne(state: KernelState, id: string): void {
  const fault = state.chaos.faults.get(id)!;
  state.chaos.faults.delete(id);
  const hit = state.chaos.hit.get(id);
  state.chaos.hit.delete(id);
  state.log.emit({ type: 'chaos.cleared', fault: id });
  if (hit === undefined) return;
  for (const name of hit) {
    const agent = state.registry.agent(name);
    if (agent !== undefined && hasInstance(agent)) sendFault(state, fault, agent, true);
  }
}

function applyToAgents(state: KernelState, fault: FaultSpec): void {
  const names = fault.target.agents;
  const targets: AgentNode[] = [];
  if (names !== undefined && names.length > 0) {
    for (const name of names) {
      const agent = state.registry.agent(name);
      if (agent !== undefined) targets.push(agent);
    }
  } else {
    for (const agent of state.registry.ofType('agent')) targets.push(agent);
  }
  const kind = fault.effect.kind;
  const standing = kind === 'slow' || kind === 'clock-skew';
  for (const agent of targets) {
    if (!isAlive(agent.status)) continue;
    if (!standing && !hasInstance(agent)) continue;
    if (fault.probability < 1 && state.rng.next() >= fault.probability) continue;
    state.log.emit({ type: 'chaos.injected', fault: fault.id, kind, agent: agent.name });
    if (kind === 'kill') {
      state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
      onCrashed(state, agent, `killed by chaos fault "${fault.id}"`, undefined, 'blameless');
      continue;
    }
    if (standing) {
      let hit = state.chaos.hit.get(fault.id);
      if (hit === undefined) state.chaos.hit.set(fault.id, (hit = new Set()));
      hit.add(agent.name);
      if (!hasInstance(agent)) continue; // sent with the next spawn
    }
    sendFault(state, fault, agent, false);
  }
}
