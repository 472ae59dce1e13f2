/**
 * Reconfiguring without redeploying: `agent.configure` and `group.configure`. Nothing the
 * agent holds is lost: its kv, queue and in-flight messages stay. What the kernel enforces
 * itself (mailboxCapacity, overflow, maxConcurrent, maxMessageBytes, restart type,
 * redelivery, group) applies at once. What the host enforces at spawn (memoryPages,
 * deadlineMs, isolated) needs a new instance: a live agent is restarted on the spot, as
 * `agent.restart` does (kill, in flight requeued, nothing failed, not counted against its
 * supervisor). Restarting rather than waiting for the next crash because a limit the
 * operator just set and cannot see in force is worse than one redelivery of what was in
 * flight; an agent that has no instance (stopped, failed, waiting out a backoff) simply
 * spawns with the new settings when it comes back.
 */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import { describeValue } from '../../protocol/describe';
import { pump } from '../pipeline/mailbox';
import type { RedeliveryPolicy, RestartType } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';
import { isAlive, type AgentNode } from '../state/nodes';
import type { AgentSetting, EventBody } from '../types';
import { applyLimits, changedLimits, HOST_LIMITS, windowFor } from './agentLimits';
import { checkSupervisor } from './groups';
import { findAgent, restart } from './lifecycle';

type Result = OrreryErrorData | undefined;

const AGENT_FIELDS: ReadonlySet<string> = new Set(['type', 'name', 'limits', 'restart', 'redelivery', 'group', 'isolated']);
const GROUP_FIELDS: ReadonlySet<string> = new Set(['type', 'name', 'strategy', 'intensity', 'periodMs', 'backoff']);
const RESTART_TYPES: ReadonlySet<unknown> = new Set<RestartType>(['permanent', 'transient', 'temporary']);

export function configureAgent(state: KernelState, input: Record<string, unknown>): Result {
  const agent = findAgent(state, input.name);
  if ('code' in agent) return agent;
  const extra = unknownField(input, AGENT_FIELDS, 'ORR023', 'limits, restart, redelivery, group or isolated');
  if (extra) return extra;
  const { restart: restartType, redelivery, group, isolated } = input;
  const limits = applyLimits(agent.limits, input.limits, 'ORR023', state.defaultLimits, true);
  if ('code' in limits) return limits;
  if (restartType !== undefined && !RESTART_TYPES.has(restartType))
    return bad(`unknown restart type ${describeValue(restartType)}`, 'permanent, transient or temporary', restartType);
  if (redelivery !== undefined && redelivery !== 'once' && redelivery !== 'never')
    return bad(`unknown redelivery policy ${describeValue(redelivery)}`, '"once" or "never"', redelivery);
  if (group !== undefined && group !== null && (typeof group !== 'string' || state.groups.get(group) === undefined)) {
    return bad(`no supervision group named ${quoted(group)}`, 'an existing group, or null for the top level', group);
  }
  if (isolated !== undefined && typeof isolated !== 'boolean') return bad('isolated must be a boolean', 'true or false', isolated);

  const changed: AgentSetting[] = changedLimits(agent.limits, limits);
  const nextGroup = group === undefined ? agent.group : (group ?? undefined);
  if (restartType !== undefined && restartType !== agent.restartType) changed.push('restart');
  if (redelivery !== undefined && redelivery !== agent.redelivery) changed.push('redelivery');
  if (nextGroup !== agent.group) changed.push('group');
  if (isolated !== undefined && isolated !== agent.isolated) changed.push('isolated');

  const widened = (limits.maxConcurrent ?? Infinity) > (agent.limits.maxConcurrent ?? Infinity);
  agent.limits = limits;
  agent.window = windowFor(state, limits);
  if (restartType !== undefined) agent.restartType = restartType as RestartType;
  if (redelivery !== undefined) agent.redelivery = redelivery as RedeliveryPolicy;
  if (isolated !== undefined && isolated !== agent.isolated) {
    agent.isolated = isolated as boolean;
    agent.deadlineKills = 0; // an operator's choice starts the count afresh
  }
  if (nextGroup !== agent.group) {
    // Moving groups: the agent joins the end of its new group's children (rest_for_one order).
    state.groups.leave(agent.group, agent.name);
    agent.group = nextGroup;
    if (nextGroup !== undefined) state.groups.join(nextGroup, agent.name);
  }
  const hostSide = changed.filter((c) => HOST_LIMITS.has(c as never) || c === 'isolated');
  // A pending backoff restart has no instance to replace: it will spawn with the new settings.
  const respawn = hostSide.length > 0 && isAlive(agent.status) && agent.restartToken === 0;
  state.log.emit(configuredEvent(agent, changed, respawn));
  if (respawn) restart(state, agent.name, `reconfigured (${hostSide.join(', ')})`);
  else if (widened) pump(state, agent);
  return undefined;
}

function configuredEvent(agent: AgentNode, changed: AgentSetting[], respawn: boolean): EventBody {
  const event: EventBody = {
    type: 'agent.configured',
    agent: agent.name,
    limits: { ...agent.limits },
    restart: agent.restartType,
    redelivery: agent.redelivery,
    isolated: agent.isolated,
    changed,
    respawn,
  };
  if (agent.group !== undefined) event.group = agent.group;
  return event;
}

/** New supervisor settings; the restart history is kept (a shorter period prunes it at the next crash). */
export function configureGroup(state: KernelState, input: Record<string, unknown>): Result {
  const name = input.name;
  const group = typeof name === 'string' ? state.groups.get(name) : undefined;
  if (group === undefined) return bad(`no supervision group named ${quoted(name)}`, 'an existing group name', name, 'ORR024');
  const extra = unknownField(input, GROUP_FIELDS, 'ORR024', 'strategy, intensity, periodMs or backoff');
  if (extra) return extra;
  const fields = checkSupervisor(input, group.spec, 'ORR024');
  if ('code' in fields) return fields;
  const old = group.spec;
  const changed: ('strategy' | 'intensity' | 'periodMs' | 'backoff')[] = [];
  if (fields.strategy !== old.strategy) changed.push('strategy');
  if (fields.intensity !== old.intensity) changed.push('intensity');
  if (fields.periodMs !== old.periodMs) changed.push('periodMs');
  const b = fields.backoff;
  if (b.minMs !== old.backoff.minMs || b.maxMs !== old.backoff.maxMs || b.randomFactor !== old.backoff.randomFactor)
    changed.push('backoff');
  group.spec = { ...old, ...fields };
  state.log.emit({ type: 'group.configured', spec: { ...group.spec, backoff: { ...b } }, changed });
  return undefined;
}

function unknownField(input: Record<string, unknown>, allowed: ReadonlySet<string>, code: 'ORR023' | 'ORR024', list: string): Result {
  for (const key of Object.keys(input)) {
    if (!allowed.has(key) && input[key] !== undefined) {
      const fixed = key === 'kind' || key === 'config' || key === 'parent' ? ` (${key} cannot be changed in place)` : '';
      return errorData(code, `unknown setting "${key}"${fixed}`, { expected: list, received: `"${key}"` });
    }
  }
  return undefined;
}

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : describeValue(v));

function bad(message: string, expected: string, received: unknown, code: 'ORR023' | 'ORR024' = 'ORR023'): OrreryErrorData {
  return errorData(code, message, { expected, received: describeValue(received) });
}
