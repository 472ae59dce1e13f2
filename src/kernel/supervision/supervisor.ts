/**
 * Agent instances coming and going: ready, init failure, crash. A crash disposes of the
 * message being handled (redelivered once, or dead-lettered), requeues the rest, and
 * hands the agent to its supervisor (`restarts.ts`), which restarts it after a backoff.
 * Bystanders and agents that keep hanging are handled by `isolation.ts`.
 */
import { failMessage } from '../pipeline/fail';
import { pump, requeueInFlight } from '../pipeline/mailbox';
import type { KernelState } from '../state/kernelState';
import type { AgentNode } from '../state/nodes';
import { failAll, setStatus } from './instances';
import { onDeadlineKill, restartBystander } from './isolation';
import { supervise } from './restarts';

/**
 * Why an instance died. `own`: a fault of its own (a trap, the watchdog), the message it
 * was handling is to blame. `blameless`: killed from outside (chaos, init failure on a
 * restart), nothing blamed but supervised. `bystander`: its worker was terminated for
 * another agent's sake: nothing blamed, not charged.
 */
export type CrashCause = 'own' | 'blameless' | 'bystander';

export function onReady(state: KernelState, agent: AgentNode): void {
  if (agent.status !== 'loading' && agent.status !== 'restarting') return; // a duplicate ready
  if (agent.restartToken !== 0) return; // a restart is pending: this instance is not the plan
  if (agent.status === 'restarting') state.log.emit({ type: 'agent.restarted', agent: agent.name, instance: agent.instance });
  setStatus(state, agent, agent.suspended ? 'suspended' : 'running');
  pump(state, agent);
}

/**
 * `init` returned an error. On first deploy that is a configuration problem a restart
 * cannot fix: the agent is `failed`. A restarted instance that cannot initialise is an
 * abnormal exit like any crash: supervised (backoff, intensity).
 */
export function onInitFailed(state: KernelState, agent: AgentNode, error: string): void {
  state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  if (agent.status === 'restarting') {
    onCrashed(state, agent, `init failed: ${error}`, undefined, 'blameless');
    return;
  }
  setStatus(state, agent, 'failed', error);
  failAll(state, agent, 'agent-stopped', `"${agent.name}" failed to start: ${error}`);
}

/**
 * The instance died (a trap, the watchdog's `deadline-exceeded`, a chaos kill). The
 * message it was handling (named, else the first in flight) is redelivered once (policy
 * `once`, the default) or dead-lettered with its sender told; a message that crashes its
 * agent twice is dead-lettered. The rest of the mailbox is kept in order. A blameless
 * crash blames nothing: every message in flight goes back to the queue. The host owns the
 * dead instance, so no kill effect here. Crashes while starting are supervised the same way.
 */
export function onCrashed(
  state: KernelState,
  agent: AgentNode,
  reason: string,
  messageId: string | undefined,
  cause: CrashCause = 'own',
): void {
  if (cause === 'bystander') {
    restartBystander(state, agent, reason);
    return;
  }
  const starting = agent.status === 'loading' || agent.status === 'restarting';
  const inFlight = agent.inFlight;
  const i = starting || cause === 'blameless' ? -1 : messageId !== undefined ? inFlight.indexOf(messageId) : inFlight.length > 0 ? 0 : -1;
  const blamed = i >= 0 ? inFlight.at(i) : undefined;
  if (blamed === undefined) state.log.emit({ type: 'agent.crashed', agent: agent.name, reason });
  else state.log.emit({ type: 'agent.crashed', agent: agent.name, reason, messageId: blamed.id });
  const link = i >= 0 ? inFlight.linkAt(i) : undefined;
  const redeliver = blamed !== undefined && agent.redelivery === 'once' && agent.redelivered?.has(blamed.id) !== true;
  if (i >= 0 && !redeliver) inFlight.removeAt(i);
  requeueInFlight(agent); // in order; a redelivered message keeps its place
  agent.instance++;
  agent.restarts++;
  agent.restartToken = 0;
  setStatus(state, agent, 'restarting', reason);
  if (blamed !== undefined) {
    if (redeliver) {
      (agent.redelivered ??= new Set()).add(blamed.id);
      state.log.emit({ type: 'message.redelivered', messageId: blamed.id, agent: agent.name, attempt: 1 });
    } else {
      const twice = agent.redelivered?.delete(blamed.id) === true;
      const failure = reason === 'deadline-exceeded' ? 'deadline-exceeded' : 'agent-crashed';
      failMessage(state, blamed, agent.name, failure, twice ? `${reason} (crashed its agent twice)` : reason, link);
    }
  }
  if (reason === 'deadline-exceeded' && cause === 'own') onDeadlineKill(state, agent);
  supervise(state, agent, reason);
}
