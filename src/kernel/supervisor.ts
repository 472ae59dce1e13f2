/**
 * Agent instances coming and going: ready, init failure, crash, respawn. The policy today
 * is one_for_one with unlimited restarts; supervision groups will decide per group.
 */
import type { AclMessage, FailureReason } from '../protocol/message';
import type { KernelContext } from './context';
import { drain, pump, requeueInFlight } from './delivery';
import type { AgentNode } from './registry';
import { failMessage } from './router';
import type { AgentStatus } from './types';

export function setStatus(ctx: KernelContext, agent: AgentNode, status: AgentStatus, reason?: string): void {
  agent.status = status;
  if (reason === undefined) ctx.log.emit({ type: 'agent.status', agent: agent.name, status });
  else ctx.log.emit({ type: 'agent.status', agent: agent.name, status, reason });
}

/** Asks the host for a new instance carrying the agent's durable kv. */
export function spawn(ctx: KernelContext, agent: AgentNode): void {
  ctx.effects.push({
    type: 'spawn',
    agent: agent.name,
    instance: agent.instance,
    kind: agent.kind,
    config: agent.config,
    limits: { ...agent.limits },
    kv: Object.fromEntries(agent.kv),
    isolated: agent.isolated,
  });
}

/** Crash reason a host reports for agents that shared a worker the watchdog terminated. */
export const WORKER_TERMINATED = 'worker-terminated';

export function onReady(ctx: KernelContext, agent: AgentNode): void {
  if (agent.status !== 'loading' && agent.status !== 'restarting') return; // a duplicate ready
  if (agent.status === 'restarting') ctx.log.emit({ type: 'agent.restarted', agent: agent.name, instance: agent.instance });
  setStatus(ctx, agent, agent.suspended ? 'suspended' : 'running');
  pump(ctx, agent);
}

export function onInitFailed(ctx: KernelContext, agent: AgentNode, error: string): void {
  ctx.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  setStatus(ctx, agent, 'failed', error);
  failAll(ctx, agent, 'agent-stopped', `"${agent.name}" failed to start: ${error}`);
}

/**
 * The instance died (a trap, or the watchdog: reason `deadline-exceeded`). The message it
 * was handling is dead-lettered and its sender told; the other in-flight messages go back
 * to the front of the queue; a new instance is spawned with the kv. The host owns the
 * dead instance, so no kill effect. A crash while starting counts as a failed start (no
 * restart loop until supervision groups bring restart intensity limits).
 */
export function onCrashed(ctx: KernelContext, agent: AgentNode, reason: string, messageId: string | undefined): void {
  const starting = agent.status === 'loading' || agent.status === 'restarting';
  const inFlight = agent.inFlight;
  // Blame the named message, else the first in flight (the host handles them in order).
  // A bystander whose worker was terminated for another agent's sake blames nothing:
  // every message it held goes back to its queue.
  const i =
    starting || reason === WORKER_TERMINATED
      ? -1
      : messageId !== undefined
        ? inFlight.indexOf(messageId)
        : inFlight.length > 0
          ? 0
          : -1;
  const blamed = i >= 0 ? inFlight.at(i) : undefined;
  if (blamed === undefined) ctx.log.emit({ type: 'agent.crashed', agent: agent.name, reason });
  else ctx.log.emit({ type: 'agent.crashed', agent: agent.name, reason, messageId: blamed.id });
  if (starting) {
    setStatus(ctx, agent, 'failed', `crashed while starting: ${reason}`);
    failAll(ctx, agent, 'agent-stopped', `"${agent.name}" crashed while starting: ${reason}`);
    return;
  }
  const link = i >= 0 ? inFlight.linkAt(i) : undefined;
  if (i >= 0) inFlight.removeAt(i);
  requeueInFlight(agent);
  agent.instance++;
  agent.restarts++;
  setStatus(ctx, agent, 'restarting', reason);
  if (blamed !== undefined) disposeCrashed(ctx, agent, blamed, link, reason === 'deadline-exceeded' ? 'deadline-exceeded' : 'agent-crashed', reason);
  spawn(ctx, agent);
}

/**
 * What becomes of the message an instance crashed on. Today: dead-lettered, sender told.
 * A redeliver-once policy will requeue it here the first time instead.
 */
function disposeCrashed(ctx: KernelContext, agent: AgentNode, message: AclMessage, link: string | undefined, failure: FailureReason, reason: string): void {
  failMessage(ctx, message, agent.name, failure, reason, link);
}

/** Fails everything in the mailbox. Set the status (or remove the node) first, so a
 * failure addressed back to this agent is refused rather than queued again. */
export function failAll(ctx: KernelContext, agent: AgentNode, reason: FailureReason, detail: string): void {
  drain(agent, (message, link) => failMessage(ctx, message, agent.name, reason, detail, link));
}
