/**
 * Agent instances coming and going: ready, init failure, crash. A crash disposes of the
 * message being handled (redelivered once, or dead-lettered), requeues the rest, and
 * hands the agent to its supervisor (`restarts.ts`), which restarts it after a backoff.
 */
import type { AclMessage, FailureReason } from '../protocol/message';
import type { KernelContext } from './context';
import { drain, pump, requeueInFlight } from './delivery';
import type { AgentNode } from './registry';
import { supervise } from './restarts';
import { failMessage } from './router';
import type { AgentStatus } from './types';

export function setStatus(ctx: KernelContext, agent: AgentNode, status: AgentStatus, reason?: string): void {
  agent.status = status;
  if (reason === undefined) ctx.log.emit({ type: 'agent.status', agent: agent.name, status });
  else ctx.log.emit({ type: 'agent.status', agent: agent.name, status, reason });
}

/** Asks the host for a new instance carrying the agent's durable kv (and standing chaos). */
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
  if (ctx.chaos.standing.length > 0) ctx.chaos.resend(ctx, agent);
}

export function onReady(ctx: KernelContext, agent: AgentNode): void {
  if (agent.status !== 'loading' && agent.status !== 'restarting') return; // a duplicate ready
  if (agent.restartToken !== 0) return; // a restart is pending: this instance is not the plan
  if (agent.status === 'restarting') ctx.log.emit({ type: 'agent.restarted', agent: agent.name, instance: agent.instance });
  setStatus(ctx, agent, agent.suspended ? 'suspended' : 'running');
  pump(ctx, agent);
}

/**
 * `init` returned an error. On first deploy that is a configuration problem a restart
 * cannot fix: the agent is `failed`. A restarted instance that cannot initialise is an
 * abnormal exit like any crash: supervised (backoff, intensity).
 */
export function onInitFailed(ctx: KernelContext, agent: AgentNode, error: string): void {
  ctx.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  if (agent.status === 'restarting') {
    onCrashed(ctx, agent, `init failed: ${error}`, undefined, true);
    return;
  }
  setStatus(ctx, agent, 'failed', error);
  failAll(ctx, agent, 'agent-stopped', `"${agent.name}" failed to start: ${error}`);
}

/**
 * The instance died (a trap, the watchdog's `deadline-exceeded`, a chaos kill). The
 * message it was handling (named, else the first in flight) is redelivered once (policy
 * `once`, the default) or dead-lettered with its sender told; a message that crashes its
 * agent twice is dead-lettered. The rest of the mailbox is kept in order. `blameless`
 * (killed from outside, or a bystander in a worker terminated for another agent) blames
 * nothing: every message in flight goes back to the queue. The host owns the dead
 * instance, so no kill effect here. Crashes while starting are supervised the same way.
 */
export function onCrashed(ctx: KernelContext, agent: AgentNode, reason: string, messageId: string | undefined, blameless = false): void {
  const starting = agent.status === 'loading' || agent.status === 'restarting';
  const inFlight = agent.inFlight;
  const i =
    starting || blameless
      ? -1
      : messageId !== undefined
        ? inFlight.indexOf(messageId)
        : inFlight.length > 0
          ? 0
          : -1;
  const blamed = i >= 0 ? inFlight.at(i) : undefined;
  if (blamed === undefined) ctx.log.emit({ type: 'agent.crashed', agent: agent.name, reason });
  else ctx.log.emit({ type: 'agent.crashed', agent: agent.name, reason, messageId: blamed.id });
  const link = i >= 0 ? inFlight.linkAt(i) : undefined;
  const redeliver = blamed !== undefined && agent.redelivery === 'once' && agent.redelivered?.has(blamed.id) !== true;
  if (i >= 0 && !redeliver) inFlight.removeAt(i);
  requeueInFlight(agent); // in order; a redelivered message keeps its place
  agent.instance++;
  agent.restarts++;
  agent.restartToken = 0;
  setStatus(ctx, agent, 'restarting', reason);
  if (blamed !== undefined) {
    if (redeliver) {
      (agent.redelivered ??= new Set()).add(blamed.id);
      ctx.log.emit({ type: 'message.redelivered', messageId: blamed.id, agent: agent.name, attempt: 1 });
    } else {
      const twice = agent.redelivered?.delete(blamed.id) === true;
      disposeCrashed(ctx, agent, blamed, link, reason === 'deadline-exceeded' ? 'deadline-exceeded' : 'agent-crashed', twice ? `${reason} (crashed its agent twice)` : reason);
    }
  }
  supervise(ctx, agent, reason);
}

function disposeCrashed(ctx: KernelContext, agent: AgentNode, message: AclMessage, link: string | undefined, failure: FailureReason, detail: string): void {
  failMessage(ctx, message, agent.name, failure, detail, link);
}

/** Fails everything in the mailbox. Set the status (or remove the node) first, so a
 * failure addressed back to this agent is refused rather than queued again. */
export function failAll(ctx: KernelContext, agent: AgentNode, reason: FailureReason, detail: string): void {
  agent.redelivered = undefined;
  drain(agent, (message, link) => failMessage(ctx, message, agent.name, reason, detail, link));
}
