/**
 * Commands that change the network: deploy and the agent lifecycle, topics, clients,
 * links, removal. Each returns error data and changes nothing when the command is refused.
 */
import { errorData, type OrreryErrorData } from '../protocol/errors';
import type { JsonValue } from '../protocol/message';
import { nameProblem } from '../protocol/names';
import { describeValue } from '../protocol/describe';
import type { KernelContext } from './context';
import { pump, requeueInFlight } from './delivery';
import { applyLimits, windowFor } from './limits';
import { refreshNet } from './network';
import { createAgentNode, isAlive, type AgentNode, type NetNode } from './registry';
import type { RedeliveryPolicy, RestartType } from './resilienceTypes';
import { failAll, setStatus, spawn } from './supervisor';

const RESTART_TYPES: ReadonlySet<unknown> = new Set<RestartType>(['permanent', 'transient', 'temporary']);

type Result = OrreryErrorData | undefined;

export function deploy(ctx: KernelContext, spec: unknown): Result {
  if (typeof spec !== 'object' || spec === null) return errorData('ORR018', 'agent.deploy needs a spec', { expected: 'an object {name, kind}', received: describeValue(spec) });
  const { name, kind, config, limits, isolated, group, restart, redelivery } = spec as Record<string, unknown>;
  const taken = checkNewName(ctx, name);
  if (taken) return taken;
  if (typeof kind !== 'string' || kind.length === 0) return errorData('ORR018', `agent "${String(name)}" needs a kind`, { expected: 'a kind such as "echo" or "custom:<hash>"', received: describeValue(kind) });
  const merged = applyLimits(ctx.defaultLimits, limits, 'ORR018', ctx.defaultLimits);
  if ('code' in merged) return merged;
  if (group !== undefined && (typeof group !== 'string' || ctx.groups.get(group) === undefined)) {
    return errorData('ORR018', `no supervision group named ${describeValue(group)}`, { expected: 'an existing group (group.create first) or none', received: describeValue(group) });
  }
  if (restart !== undefined && !RESTART_TYPES.has(restart)) return errorData('ORR018', `unknown restart type ${describeValue(restart)}`, { expected: 'permanent, transient or temporary', received: describeValue(restart) });
  if (redelivery !== undefined && redelivery !== 'once' && redelivery !== 'never') return errorData('ORR018', `unknown redelivery policy ${describeValue(redelivery)}`, { expected: '"once" or "never"', received: describeValue(redelivery) });
  const agent = createAgentNode(name as string, kind, (config ?? null) as JsonValue, merged, isolated === true, {
    window: windowFor(ctx, merged),
    group: group as string | undefined,
    restartType: (restart ?? 'permanent') as RestartType,
    redelivery: (redelivery ?? 'once') as RedeliveryPolicy,
  });
  ctx.registry.add(agent);
  if (agent.group !== undefined) ctx.groups.join(agent.group, agent.name);
  ctx.log.emit({ type: 'agent.deployed', agent: agent.name, kind, config: agent.config });
  setStatus(ctx, agent, 'loading');
  spawn(ctx, agent);
  return undefined;
}

export function addNode(ctx: KernelContext, type: 'topic' | 'client', name: unknown): Result {
  const taken = checkNewName(ctx, name);
  if (taken) return taken;
  ctx.registry.add({ type, name: name as string, peers: new Map() });
  ctx.log.emit({ type: 'node.added', node: name as string, kind: type });
  return undefined;
}

export function stop(ctx: KernelContext, name: unknown): Result {
  const agent = findAgent(ctx, name);
  if ('code' in agent) return agent;
  if (agent.status === 'stopped') return wrongState(agent, 'stop', 'it is already stopped');
  if (isAlive(agent.status)) ctx.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  agent.restartToken = 0;
  setStatus(ctx, agent, 'stopped');
  failAll(ctx, agent, 'agent-stopped', `"${agent.name}" was stopped`);
  return undefined;
}

export function start(ctx: KernelContext, name: unknown): Result {
  const agent = findAgent(ctx, name);
  if ('code' in agent) return agent;
  if (agent.status !== 'stopped' && agent.status !== 'failed') return wrongState(agent, 'start', `it is ${agent.status}`);
  agent.instance++;
  agent.restartToken = 0;
  agent.history.length = 0;
  setStatus(ctx, agent, 'loading');
  spawn(ctx, agent);
  return undefined;
}

/** A live agent gets a fresh instance; nothing it held is lost (in-flight messages requeue). */
export function restart(ctx: KernelContext, name: unknown, reason = 'restarted by command'): Result {
  const agent = findAgent(ctx, name);
  if ('code' in agent) return agent;
  if (!isAlive(agent.status)) return start(ctx, name);
  ctx.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
  requeueInFlight(agent);
  agent.instance++;
  agent.restartToken = 0; // the operator's restart replaces a pending backoff
  agent.restarts++;
  setStatus(ctx, agent, 'restarting', reason);
  spawn(ctx, agent);
  return undefined;
}

/** Deliveries pause (messages queue); what is in flight finishes. Survives restarts. */
export function suspend(ctx: KernelContext, name: unknown): Result {
  const agent = findAgent(ctx, name);
  if ('code' in agent) return agent;
  if (agent.suspended || !isAlive(agent.status)) return wrongState(agent, 'suspend', `it is ${agent.suspended ? 'already suspended' : agent.status}`);
  agent.suspended = true;
  if (agent.status === 'running') setStatus(ctx, agent, 'suspended');
  return undefined;
}

export function resume(ctx: KernelContext, name: unknown): Result {
  const agent = findAgent(ctx, name);
  if ('code' in agent) return agent;
  if (!agent.suspended) return wrongState(agent, 'resume', `it is ${agent.status}, not suspended`);
  agent.suspended = false;
  if (agent.status === 'suspended') {
    setStatus(ctx, agent, 'running');
    pump(ctx, agent);
  }
  return undefined;
}

/** Removes a node and its links; an agent is killed and its mailbox failed (`agent-stopped`). */
export function removeNode(ctx: KernelContext, name: unknown): Result {
  const node = typeof name === 'string' ? ctx.registry.get(name) : undefined;
  if (node === undefined) return unknownNode(name);
  // Unregister first, so failures addressed back to it are refused, not queued.
  ctx.registry.delete(node.name);
  ctx.correlation.dropRequester(node.name);
  if (node.type === 'agent') {
    if (isAlive(node.status)) ctx.effects.push({ type: 'kill', agent: node.name, instance: node.instance });
    node.restartToken = 0;
    if (node.status !== 'stopped') setStatus(ctx, node, 'stopped', 'removed');
    failAll(ctx, node, 'agent-stopped', `"${node.name}" was removed`);
    ctx.groups.leave(node.group, node.name);
  }
  ctx.reliable.seen.delete(node.name);
  const wires = [...node.peers.values()];
  for (const wire of wires) {
    ctx.links.remove(ctx.registry, wire.id);
    ctx.log.emit({ type: 'link.removed', link: { id: wire.id, a: wire.a, b: wire.b } });
  }
  const configured = wires.filter((w) => w.policy !== undefined).length;
  if (configured > 0) {
    ctx.net.configured -= configured;
    refreshNet(ctx);
  }
  ctx.log.emit({ type: 'node.removed', node: node.name });
  return undefined;
}

export function addLink(ctx: KernelContext, a: unknown, b: unknown, id: unknown): Result {
  const link = ctx.links.add(ctx.registry, ctx.ids, a, b, id);
  if ('code' in link) return link;
  ctx.log.emit({ type: 'link.added', link: { id: link.id, a: link.a, b: link.b } });
  return undefined;
}

export function removeLink(ctx: KernelContext, id: unknown): Result {
  const link = typeof id === 'string' ? ctx.links.remove(ctx.registry, id) : undefined;
  if (link === undefined) return errorData('ORR013', `no link with id ${JSON.stringify(id)}`, { expected: 'an existing link id', received: describeValue(id) });
  ctx.log.emit({ type: 'link.removed', link: { id: link.id, a: link.a, b: link.b } });
  if (link.policy !== undefined) {
    ctx.net.configured--;
    refreshNet(ctx);
  }
  return undefined;
}

function checkNewName(ctx: KernelContext, name: unknown): Result {
  const problem = nameProblem(name);
  if (problem) return errorData('ORR011', `invalid name ${describeValue(name)}: ${problem}`, { expected: 'a valid node name', received: describeValue(name) });
  if (ctx.groups.get(name as string) !== undefined) return errorData('ORR010', `the name "${String(name)}" is already taken by a supervision group`, { expected: 'an unused name', received: `"${String(name)}"` });
  const existing = ctx.registry.get(name as string);
  if (existing) return errorData('ORR010', `the name "${String(name)}" is already taken by ${article(existing)}`, { expected: 'an unused name', received: `"${String(name)}"` });
  return undefined;
}

function article(node: NetNode): string {
  return node.type === 'agent' ? 'an agent' : `a ${node.type}`;
}

export function findAgent(ctx: KernelContext, name: unknown): AgentNode | OrreryErrorData {
  const node = typeof name === 'string' ? ctx.registry.get(name) : undefined;
  if (node?.type === 'agent') return node;
  if (node) return errorData('ORR012', `"${node.name}" is ${article(node)}, not an agent`, { expected: 'an agent name', received: `"${node.name}"` });
  return unknownNode(name);
}

function unknownNode(name: unknown): OrreryErrorData {
  return errorData('ORR012', `no node named ${typeof name === 'string' ? `"${name}"` : describeValue(name)}`, { expected: 'an existing node name', received: describeValue(name) });
}

function wrongState(agent: AgentNode, action: string, why: string): OrreryErrorData {
  return errorData('ORR015', `cannot ${action} "${agent.name}": ${why}`, { expected: `an agent that can ${action}`, received: agent.status });
}
