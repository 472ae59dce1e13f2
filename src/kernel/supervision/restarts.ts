/**
 * What a supervisor does when a child dies (Erlang/OTP semantics, Akka-style backoff).
 * A child is an agent or a nested group. The group records the restart; more than
 * `intensity` restarts within `periodMs` and it shuts all its children down and
 * escalates: its parent treats the whole group as one crashed child and applies its own
 * strategy; at the top level the children are marked `failed` (event plus error log).
 * Otherwise the strategy picks what restarts with the failed child (one_for_one: itself;
 * one_for_all: every child; rest_for_one: the children that joined after it), and all of
 * them come back together after one backoff delay, on a tick. Temporary agents are never
 * restarted: crashed they are `failed`, shut down by their supervisor `stopped`.
 * An agent in no group has its own implicit top-level supervisor (TOP_LEVEL_SUPERVISOR).
 */
import { KERNEL_SENDER } from '../../protocol/names';
import { backoffDelay } from '../backoff';
import { requeueInFlight } from '../pipeline/mailbox';
import { TOP_LEVEL_SUPERVISOR, type BackoffSpec } from '../resilienceTypes';
import type { GroupRecord } from '../state/groups';
import type { KernelState } from '../state/kernelState';
import { isAlive, type AgentNode } from '../state/nodes';
import { failAll, setStatus, spawn } from './instances';

/** `agent` died abnormally; it is `restarting` already, with its mailbox kept. */
export function supervise(state: KernelState, agent: AgentNode, reason: string): void {
  if (agent.restartType === 'temporary') {
    giveUp(state, [agent], `temporary agent, not restarted after: ${reason}`);
    return;
  }
  const group = agent.group === undefined ? undefined : state.groups.get(agent.group);
  if (group !== undefined) {
    childDied(state, group, agent.name, reason, [agent]);
    return;
  }
  const spec = TOP_LEVEL_SUPERVISOR;
  const n = record(agent.history, state.now, spec.periodMs);
  if (n > spec.intensity) {
    agent.history.length = 0;
    giveUp(state, [agent], `restart intensity exceeded: ${n} restarts within ${spec.periodMs} ms (last: ${reason})`);
    return;
  }
  schedule(state, [agent], spec.backoff, n);
}

/** A due backoff: spawn the new instance unless the plan changed meanwhile. */
export function restartDue(state: KernelState, name: string, token: number): void {
  const agent = state.registry.agent(name);
  if (agent === undefined || agent.restartToken !== token || agent.status !== 'restarting') return;
  agent.restartToken = 0;
  spawn(state, agent);
}

/** Leaves any pending restart plan (a command took over the agent). */
export function cancelRestart(agent: AgentNode): void {
  agent.restartToken = 0;
}

/** `child` of `group` died; `dead` are the agents already shut down with it. */
function childDied(state: KernelState, group: GroupRecord, child: string, reason: string, dead: AgentNode[]): void {
  const spec = group.spec;
  const n = record(group.history, state.now, spec.periodMs);
  if (n > spec.intensity) {
    escalate(state, group, `${n} restarts within ${spec.periodMs} ms (last: "${child}": ${reason})`, dead);
    return;
  }
  // Restarted together, in joining order (OTP starts children in the order of its spec).
  const children = group.children;
  const at = children.indexOf(child);
  const from = spec.strategy === 'one_for_one' || at < 0 ? -1 : spec.strategy === 'one_for_all' ? 0 : at;
  let out = dead.slice();
  if (from >= 0) {
    out = [];
    const why = `restarted by "${spec.name}" (${spec.strategy}) after "${child}" died`;
    for (let i = from; i < children.length; i++) {
      if (children[i] === child) out.push(...dead);
      else shutdown(state, children[i]!, why, out);
    }
  }
  const why = `"${child}" died: ${reason}`;
  for (const agent of out) {
    if (agent.status !== 'restarting') {
      agent.restarts++;
      setStatus(state, agent, 'restarting', why);
    }
  }
  schedule(state, out, spec.backoff, n);
}

/** The group gives up: every child shut down, then its parent decides (or they fail). */
function escalate(state: KernelState, group: GroupRecord, reason: string, dead: AgentNode[]): void {
  const spec = group.spec;
  if (spec.parent === undefined) state.log.emit({ type: 'group.escalated', group: spec.name, reason });
  else state.log.emit({ type: 'group.escalated', group: spec.name, parent: spec.parent, reason });
  const out = dead.slice();
  for (const child of group.children) shutdown(state, child, `"${spec.name}" gave up`, out);
  group.history.length = 0;
  const parent = spec.parent === undefined ? undefined : state.groups.get(spec.parent);
  if (parent !== undefined) {
    childDied(state, parent, spec.name, `group gave up: ${reason}`, out);
    return;
  }
  markFailed(state, group);
  state.log.emit({
    type: 'log',
    agent: KERNEL_SENDER,
    level: 'error',
    text: `supervision group "${spec.name}" gave up (${reason}): its agents are failed`,
  });
  giveUp(state, out, `group "${spec.name}" gave up: ${reason}`);
}

/** Kills the live instances under `name` (agent or group), mailboxes kept; collects them. */
function shutdown(state: KernelState, name: string, why: string, out: AgentNode[]): void {
  const agent = state.registry.agent(name);
  if (agent !== undefined) {
    if (!isAlive(agent.status) || out.includes(agent)) return;
    if (agent.restartType === 'temporary') {
      state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
      agent.restartToken = 0;
      setStatus(state, agent, 'stopped', `temporary agent, not restarted: ${why}`);
      failAll(state, agent, 'agent-stopped', `"${agent.name}" was stopped by its supervisor: ${why}`);
      return;
    }
    if (agent.restartToken === 0) {
      // Live (or being spawned): kill it; a pending restart has no instance to kill.
      state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
      requeueInFlight(agent);
      agent.instance++;
    }
    agent.restartToken = 0;
    out.push(agent);
    return;
  }
  const group = state.groups.get(name);
  if (group === undefined) return;
  group.history.length = 0; // restarted as a fresh supervisor
  group.status = 'running';
  for (const child of group.children) shutdown(state, child, why, out);
}

function schedule(state: KernelState, agents: AgentNode[], backoff: BackoffSpec, attempt: number): void {
  if (agents.length === 0) return;
  const delayMs = backoffDelay(backoff, attempt - 1, state.rng);
  const at = state.now + delayMs;
  for (const agent of agents) {
    const token = state.ids.token();
    agent.restartToken = token;
    state.log.emit({ type: 'agent.backoff', agent: agent.name, delayMs, attempt });
    state.scheduler.push(at, { kind: 'restart', agent: agent.name, token });
  }
}

function giveUp(state: KernelState, agents: AgentNode[], reason: string): void {
  for (const agent of agents) {
    agent.restartToken = 0;
    setStatus(state, agent, 'failed', reason);
    failAll(state, agent, 'agent-stopped', `"${agent.name}" failed: ${reason}`);
  }
}

function markFailed(state: KernelState, group: GroupRecord): void {
  group.status = 'failed';
  for (const child of group.children) {
    const nested = state.groups.get(child);
    if (nested !== undefined) markFailed(state, nested);
  }
}

/** Records a restart now; returns how many fall within the period. */
function record(history: number[], now: number, periodMs: number): number {
  history.push(now);
  while (history.length > 0 && history[0]! <= now - periodMs) history.shift();
  return history.length;
}
