/**
 * Commands that change the network: deploy and the agent lifecycle, topics, clients,
 * links, removal. Each returns error data and changes nothing when the command is refused.
 */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import type { JsonValue } from '../../protocol/message';
import { nameProblem } from '../../protocol/names';
import { describeValue } from '../../protocol/describe';
import { pump, requeueInFlight } from '../pipeline/mailbox';
import type { RedeliveryPolicy, RestartType } from '../resilienceTypes';
import type { KernelState } from '../state/kernelState';
import { refreshNet } from '../state/netFlags';
import { createAgentNode, isAlive, type AgentNode, type NetNode } from '../state/nodes';
import { failAll, setStatus, spawn } from '../supervision/instances';
import { applyLimits, windowFor } from './agentLimits';

const RESTART_TYPES: ReadonlySet<unknown> = new Set<RestartType>(['permanent', 'transient', 'temporary']);

type Result = OrreryErrorData | undefined;

export function deploy(state: KernelState, spec: unknown): Result {
  if (typeof spec !== 'object' || spec === null)
    return errorData('ORR018', 'agent.deploy needs a spec', { expected: 'an object {name, kind}', received: describeValue(spec) });
  const { name, kind, config, limits, isolated, group, restart, redelivery } = spec as Record<string, unknown>;
  const taken = checkNewName(state, name);
  if (taken) return taken;
  if (typeof kind !== 'string' || kind.length === 0)
    return errorData('ORR018', `agent "${String(name)}" needs a kind`, {
      expected: 'a kind such as "echo" or "custom:<hash>"',
      received: describeValue(kind),
    });
  const merged = applyLimits(state.defaultLimits, limits, 'ORR018', state.defaultLimits);
  if ('code' in merged) return merged;
  if (group !== undefined && (typeof group !== 'string' || state.groups.get(group) === undefined)) {
    return errorData('ORR018', `no supervision group named ${describeValue(group)}`, {
      expected: 'an existing group (group.create first) or none',
      received: describeValue(group),
    });
  }
  if (restart !== undefined && !RESTART_TYPES.has(restart))
    return errorData('ORR018', `unknown restart type ${describeValue(restart)}`, {
      expected: 'permanent, transient or temporary',
      received: describeValue(restart),
    });
  if (redelivery !== undefined && redelivery !== 'once' && redelivery !== 'never')
    return errorData('ORR018', `unknown redelivery policy ${describeValue(redelivery)}`, {
      expected: '"once" or "never"',
      received: describeValue(redelivery),
    });
  const agent = createAgentNode(name as string, kind, (config ?? null) as JsonValue, merged, isolated === true, {
    window: windowFor(state, merged),
    group: group as string | undefined,
    restartType: (restart ?? 'permanent') as RestartType,
    redelivery: (redelivery ?? 'once') as RedeliveryPolicy,
  });
  state.registry.add(agent);
  if (agent.group !== undefined) state.groups.join(agent.group, agent.name);
  state.log.emit({ type: 'agent.deployed', agent: agent.name, kind, config: agent.config });
  setStatus(state, agent, 'loading');
  spawn(state, agent);
  return undefined;
}

export function addNode(state: KernelState, type: 'topic' | 'client', name: unknown): Result {
  const taken = checkNewName(state, name);
  if (taken) return taken;
  state.registry.add({ type, name: name as string, peers: new Map() });
  state.log.emit({ type: 'node.added', node: name as string, kind: type });
  return undefined;
}

export function stop(state: KernelState, name: unknown): Result {
  const agent = findAgent(state, name);
  if ('code' in agent) return agent;
  if (agent.status === 'stopped') return wrongState(agent, 'stop', 'it is already stopped');
  if (isAlive(agent.status)) state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  agent.restartToken = 0;
  setStatus(state, agent, 'stopped');
  failAll(state, agent, 'agent-stopped', `"${agent.name}" was stopped`);
  return undefined;
}

export function start(state: KernelState, name: unknown): Result {
  const agent = findAgent(state, name);
  if ('code' in agent) return agent;
  if (agent.status !== 'stopped' && agent.status !== 'failed') return wrongState(agent, 'start', `it is ${agent.status}`);
  agent.instance++;
  agent.restartToken = 0;
  agent.history.length = 0;
  setStatus(state, agent, 'loading');
  spawn(state, agent);
  return undefined;
}

/** A live agent gets a fresh instance; nothing it held is lost (in-flight messages requeue). */
export function restart(state: KernelState, name: unknown, reason = 'restarted by command'): Result {
  const agent = findAgent(state, name);
  if ('code' in agent) return agent;
  if (!isAlive(agent.status)) return start(state, name);
  state.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  requeueInFlight(agent);
  agent.instance++;
  agent.restartToken = 0; // the operator's restart replaces a pending backoff
  agent.restarts++;
  setStatus(state, agent, 'restarting', reason);
  spawn(state, agent);
  return undefined;
}

/** Deliveries pause (messages queue); what is in flight finishes. Survives restarts. */
export function suspend(state: KernelState, name: unknown): Result {
  const agent = findAgent(state, name);
  if ('code' in agent) return agent;
  if (agent.suspended || !isAlive(agent.status))
    return wrongState(agent, 'suspend', `it is ${agent.suspended ? 'already suspended' : agent.status}`);
  agent.suspended = true;
  if (agent.status === 'running') setStatus(state, agent, 'suspended');
  return undefined;
}

export function resume(state: KernelState, name: unknown): Result {
  const agent = findAgent(state, name);
  if ('code' in agent) return agent;
  if (!agent.suspended) return wrongState(agent, 'resume', `it is ${agent.status}, not suspended`);
  agent.suspended = false;
  if (agent.status === 'suspended') {
    setStatus(state, agent, 'running');
    pump(state, agent);
  }
  return undefined;
}

/** Removes a node and its links; an agent is killed and its mailbox failed (`agent-stopped`). */
export function removeNode(state: KernelState, name: unknown): Result {
  const node = typeof name === 'string' ? state.registry.get(name) : undefined;
  if (node === undefined) return unknownNode(name);
  // Unregister first, so failures addressed back to it are refused, not queued.
  state.registry.delete(node.name);
  state.correlation.dropRequester(node.name);
  if (node.type === 'agent') {
    state.agentTimers.forget(node.name); // timers belong to the name: they die with the agent
    if (isAlive(node.status)) state.effects.push({ type: 'kill', agent: node.name, instance: node.instance });
    node.restartToken = 0;
    if (node.status !== 'stopped') setStatus(state, node, 'stopped', 'removed');
    failAll(state, node, 'agent-stopped', `"${node.name}" was removed`);
    state.groups.leave(node.group, node.name);
  }
  state.reliable.seen.delete(node.name);
  const wires = [...node.peers.values()];
  for (const wire of wires) {
    state.links.remove(state.registry, wire.id);
    state.log.emit({ type: 'link.removed', link: { id: wire.id, a: wire.a, b: wire.b } });
  }
  const configured = wires.filter((w) => w.policy !== undefined).length;
  if (configured > 0) {
    state.net.configured -= configured;
    refreshNet(state);
  }
  state.log.emit({ type: 'node.removed', node: node.name });
  return undefined;
}

export function addLink(state: KernelState, a: unknown, b: unknown, id: unknown): Result {
  const link = state.links.add(state.registry, state.ids, a, b, id);
  if ('code' in link) return link;
  state.log.emit({ type: 'link.added', link: { id: link.id, a: link.a, b: link.b } });
  return undefined;
}

export function removeLink(state: KernelState, id: unknown): Result {
  const link = typeof id === 'string' ? state.links.remove(state.registry, id) : undefined;
  if (link === undefined)
    return errorData('ORR013', `no link with id ${JSON.stringify(id)}`, { expected: 'an existing link id', received: describeValue(id) });
  state.log.emit({ type: 'link.removed', link: { id: link.id, a: link.a, b: link.b } });
  if (link.policy !== undefined) {
    state.net.configured--;
    refreshNet(state);
  }
  return undefined;
}

function checkNewName(state: KernelState, name: unknown): Result {
  const problem = nameProblem(name);
  if (problem)
    return errorData('ORR011', `invalid name ${describeValue(name)}: ${problem}`, {
      expected: 'a valid node name',
      received: describeValue(name),
    });
  if (state.groups.get(name as string) !== undefined)
    return errorData('ORR010', `the name "${String(name)}" is already taken by a supervision group`, {
      expected: 'an unused name',
      received: `"${String(name)}"`,
    });
  const existing = state.registry.get(name as string);
  if (existing)
    return errorData('ORR010', `the name "${String(name)}" is already taken by ${article(existing)}`, {
      expected: 'an unused name',
      received: `"${String(name)}"`,
    });
  return undefined;
}

function article(node: NetNode): string {
  return node.type === 'agent' ? 'an agent' : `a ${node.type}`;
}

export function findAgent(state: KernelState, name: unknown): AgentNode | OrreryErrorData {
  const node = typeof name === 'string' ? state.registry.get(name) : undefined;
  if (node?.type === 'agent') return node;
  if (node)
    return errorData('ORR012', `"${node.name}" is ${article(node)}, not an agent`, {
      expected: 'an agent name',
      received: `"${node.name}"`,
    });
  return unknownNode(name);
}

function unknownNode(name: unknown): OrreryErrorData {
  return errorData('ORR012', `no node named ${typeof name === 'string' ? `"${name}"` : describeValue(name)}`, {
    expected: 'an existing node name',
    received: describeValue(name),
  });
}

function wrongState(agent: AgentNode, action: string, why: string): OrreryErrorData {
  return errorData('ORR015', `cannot ${action} "${agent.name}": ${why}`, {
    expected: `an agent that can ${action}`,
    received: agent.status,
  });
}
