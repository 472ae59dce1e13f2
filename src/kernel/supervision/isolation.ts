/**
 * Failure isolation. A bystander (an instance that died only because its worker was
 * terminated for another agent) is not charged: it comes back at once, outside its
 * supervisor's restart intensity and backoff, with its mailbox and kv, and what it had in
 * flight goes back to the front of its queue without counting as a redelivery. An agent
 * the watchdog kills (`deadline-exceeded`) a second time gets a worker of its own
 * (`isolated` in its next spawn), so its neighbours do not pay for it again.
 */
import { requeueInFlight } from '../pipeline/mailbox';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';
import { setStatus, spawn } from './instances';

/** Watchdog kills before an agent is moved to a worker of its own. */
export const ISOLATE_AFTER_DEADLINE_KILLS = 2;

export function restartBystander(state: KernelState, agent: AgentNode, reason: string): void {
  state.log.emit({ type: 'agent.crashed', agent: agent.name, reason, bystander: true });
  requeueInFlight(agent);
  agent.instance++;
  agent.restarts++;
  agent.restartToken = 0;
  setStatus(state, agent, 'restarting', `${reason} (bystander, not charged)`);
  spawn(state, agent);
}

/** The watchdog killed `agent`: the second time, its next instance is isolated. */
export function onDeadlineKill(state: KernelState, agent: AgentNode): void {
  agent.deadlineKills++;
  if (agent.isolated || agent.deadlineKills < ISOLATE_AFTER_DEADLINE_KILLS) return;
  agent.isolated = true;
  const reason = `the watchdog killed it ${agent.deadlineKills} times (deadline ${agent.limits.deadlineMs} ms): moved to a worker of its own`;
  state.log.emit({ type: 'agent.isolated', agent: agent.name, reason });
}
