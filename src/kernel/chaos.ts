/**
 * Chaos faults in force. Network faults (latency, drop, duplicate, reorder, corrupt,
 * partition, bandwidth) are rolled per message as it crosses a link (`network.ts`).
 * Agent faults are rolled per targeted agent when injected: `kill` kills the instance
 * now (an abnormal exit, supervised, nothing blamed); `crash` and `hang` arm the host to
 * trap or spin on the instance's next message (one shot); `slow` and `clock-skew` stand
 * until cleared and are sent again to every new instance of the agents they hit.
 * Every application is a `chaos.injected` event.
 */
import { errorData, type OrreryErrorData } from '../protocol/errors';
import type { KernelContext } from './context';
import { checkFault } from './faultSpec';
import { refreshNet } from './network';
import { isAlive, type AgentNode } from './registry';
import type { FaultSpec } from './resilienceTypes';
import { onCrashed } from './supervisor';

const AGENT_KINDS: ReadonlySet<string> = new Set(['kill', 'crash', 'hang', 'slow', 'clock-skew']);

export class Chaos {
  readonly faults = new Map<string, FaultSpec>();
  /** Network faults, in injection order (the order they are rolled in). */
  network: FaultSpec[] = [];
  /** Standing agent faults (slow, clock-skew). */
  standing: FaultSpec[] = [];
  /** Standing fault id → the agents it hit. */
  readonly hit = new Map<string, Set<string>>();

  rebuild(): void {
    const all = [...this.faults.values()];
    this.network = all.filter((f) => !AGENT_KINDS.has(f.effect.kind));
    this.standing = all.filter((f) => f.effect.kind === 'slow' || f.effect.kind === 'clock-skew');
  }

  /** A new instance of `agent` gets the standing faults that hit the agent. */
  resend(ctx: KernelContext, agent: AgentNode): void {
    for (const fault of this.standing) if (this.hit.get(fault.id)?.has(agent.name)) send(ctx, fault, agent, false);
  }
}

/** `chaos.inject`: a fault with an id already in force replaces it. */
export function inject(ctx: KernelContext, input: unknown): OrreryErrorData | undefined {
  const fault = checkFault(input);
  if ('code' in fault) return fault;
  if (ctx.chaos.faults.has(fault.id)) clearOne(ctx, fault.id);
  ctx.chaos.faults.set(fault.id, fault);
  ctx.chaos.rebuild();
  ctx.log.emit({ type: 'chaos.set', fault });
  if (AGENT_KINDS.has(fault.effect.kind)) applyToAgents(ctx, fault);
  else refreshNet(ctx);
  return undefined;
}

/** `chaos.clear`: one fault, or all. Messages already held in transit still land. */
export function clear(ctx: KernelContext, id: unknown): OrreryErrorData | undefined {
  if (id !== undefined) {
    if (typeof id !== 'string' || !ctx.chaos.faults.has(id)) return errorData('ORR022', `no fault with id ${JSON.stringify(id)}`, { expected: 'the id of a fault in force', received: String(id) });
    clearOne(ctx, id);
  } else {
    for (const fault of [...ctx.chaos.faults.keys()]) clearOne(ctx, fault);
  }
  ctx.chaos.rebuild();
  refreshNet(ctx);
  return undefined;
}

function clearOne(ctx: KernelContext, id: string): void {
  const fault = ctx.chaos.faults.get(id)!;
  ctx.chaos.faults.delete(id);
  const hit = ctx.chaos.hit.get(id);
  ctx.chaos.hit.delete(id);
  ctx.log.emit({ type: 'chaos.cleared', fault: id });
  if (hit === undefined) return;
  for (const name of hit) {
    const agent = ctx.registry.agent(name);
    if (agent !== undefined && hasInstance(agent)) send(ctx, fault, agent, true);
  }
}

function applyToAgents(ctx: KernelContext, fault: FaultSpec): void {
  const names = fault.target.agents;
  const targets: AgentNode[] = [];
  if (names !== undefined && names.length > 0) {
    for (const name of names) {
      const agent = ctx.registry.agent(name);
      if (agent !== undefined) targets.push(agent);
    }
  } else {
    for (const agent of ctx.registry.ofType('agent')) targets.push(agent);
  }
  const kind = fault.effect.kind;
  const standing = kind === 'slow' || kind === 'clock-skew';
  for (const agent of targets) {
    if (!isAlive(agent.status)) continue;
    if (!standing && !hasInstance(agent)) continue;
    if (fault.probability < 1 && ctx.rng.next() >= fault.probability) continue;
    ctx.log.emit({ type: 'chaos.injected', fault: fault.id, kind, agent: agent.name });
    if (kind === 'kill') {
      ctx.effects.push({ type: 'kill', agent: agent.name, instance: agent.instance });
      onCrashed(ctx, agent, `killed by chaos fault "${fault.id}"`, undefined, true);
      continue;
    }
    if (standing) {
      let hit = ctx.chaos.hit.get(fault.id);
      if (hit === undefined) ctx.chaos.hit.set(fault.id, (hit = new Set()));
      hit.add(agent.name);
      if (!hasInstance(agent)) continue; // sent with the next spawn
    }
    send(ctx, fault, agent, false);
  }
}

function send(ctx: KernelContext, fault: FaultSpec, agent: AgentNode, off: boolean): void {
  const e = fault.effect;
  if (e.kind === 'slow' || e.kind === 'clock-skew') ctx.effects.push({ type: 'fault', agent: agent.name, instance: agent.instance, fault: e.kind, ms: off ? 0 : e.ms });
  else if (e.kind === 'crash' || e.kind === 'hang') ctx.effects.push({ type: 'fault', agent: agent.name, instance: agent.instance, fault: e.kind });
}

/** An instance exists or is being made (not a restart waiting out its backoff). */
function hasInstance(agent: AgentNode): boolean {
  return isAlive(agent.status) && agent.restartToken === 0;
}
