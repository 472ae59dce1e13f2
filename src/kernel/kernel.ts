/**
 * The kernel: a sans-I/O state machine. `step(input)` validates the input, changes state,
 * and returns the events it appended and the effects it wants performed. Nothing throws
 * out of `step` for bad input: commands are refused with `error` (and a `log` event from
 * `kernel`), invalid messages become `message.invalid` events.
 */
import { errorData, type OrreryErrorData } from '../protocol/errors';
import { DEFAULT_MAX_MESSAGE_BYTES, type AclMessage } from '../protocol/message';
import { KERNEL_SENDER } from '../protocol/names';
import { describeValue } from '../protocol/describe';
import { Chaos, clear as clearChaos, inject as injectChaos } from './chaos';
import { configureAgent, configureGroup } from './configure';
import type { KernelContext } from './context';
import { Correlation } from './correlation';
import { DeadLetters } from './deadLetters';
import { EventLog } from './eventLog';
import { createGroup, Groups } from './groups';
import { configureLink } from './linkPolicy';
import { NetState } from './network';
import { Reliability } from './reliability';
import { Scheduler } from './scheduler';
import { runDue } from './timers';
import { onHostEvent } from './hostEvents';
import { Ids } from './ids';
import * as lifecycle from './lifecycle';
import { Links } from './links';
import { Metrics } from './metrics';
import { Registry } from './registry';
import { consoleSend, onTick } from './inputs';
import type { AgentLimits, AgentView, Clock, DeadLetter, Effect, KernelEvent, KernelInput, KernelSnapshot, LinkView, Rng, StepResult } from './types';

export interface KernelOptions {
  clock: Clock;
  rng: Rng;
  /** Limit for console and client messages, and the default agent limit. Default 1 MiB. */
  maxMessageBytes?: number;
  defaultLimits?: Partial<AgentLimits>;
  /** Deliveries outstanding per agent (handed to the host, not yet handled). Default 32. */
  maxInFlight?: number;
}

export interface Kernel {
  step(input: KernelInput): StepResult;
  /**
   * `step` for the data path: appends the events and effects to the caller's arrays (a
   * shell's outgoing batch) instead of allocating new ones, and returns the error if any.
   */
  stepInto(input: KernelInput, events: KernelEvent[], effects: Effect[]): OrreryErrorData | undefined;
  snapshot(): KernelSnapshot;
  /** The agent's durable key-value state (a copy); {} for an unknown agent. */
  kv(agent: string): Record<string, string>;
  /** In flight, then queued, in delivery order (for the inspector). */
  mailbox(agent: string): AclMessage[];
  /** The earliest time the kernel wants a tick (reply deadline, restart, transit, retry...). */
  nextTimer(): number | undefined;
  /** The dead-letter queue, oldest first (the newest 10 000; the log has them all). */
  deadLetters(): DeadLetter[];
}

export const DEFAULT_LIMITS: Readonly<AgentLimits> = {
  deadlineMs: 5_000,
  mailboxCapacity: 10_000,
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
};
export const DEFAULT_MAX_IN_FLIGHT = 32;

export function createKernel(options: KernelOptions): Kernel {
  const metrics = new Metrics();
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const ctx: KernelContext = {
    clock: options.clock,
    rng: options.rng,
    log: new EventLog(metrics),
    effects: [],
    now: options.clock.now(),
    registry: new Registry(),
    links: new Links(),
    ids: new Ids(),
    correlation: new Correlation(),
    metrics,
    defaultLimits: { ...DEFAULT_LIMITS, maxMessageBytes, ...options.defaultLimits },
    maxInFlight: Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
    maxMessageBytes,
    scheduler: new Scheduler(),
    groups: new Groups(),
    deadLetters: new DeadLetters(),
    chaos: new Chaos(),
    net: new NetState(),
    reliable: new Reliability(),
    armedTimer: undefined,
  };

  function stepInto(input: KernelInput, events: KernelEvent[], effects: Effect[]): OrreryErrorData | undefined {
    ctx.now = ctx.clock.now();
    ctx.log.begin(ctx.now, events);
    ctx.effects = effects;
    let error: OrreryErrorData | undefined;
    try {
      error = dispatch(ctx, input);
      // Whatever this step scheduled for now (a message held behind an earlier one) lands now.
      if (ctx.scheduler.size > 0 && ctx.scheduler.next()! <= ctx.now) runDue(ctx);
      if (error !== undefined && !isMessageError(input)) {
        ctx.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'error', text: `${error.code}: ${error.message}` });
      }
    } catch (thrown) {
      // A bug, not bad input: keep the kernel usable and put it on the record.
      error = errorData('ORR019', `internal error while handling ${describeInput(input)}: ${(thrown as Error)?.stack ?? String(thrown)}`);
      ctx.log.emit({ type: 'log', agent: KERNEL_SENDER, level: 'error', text: `${error.code}: ${error.message}` });
    }
    armTimer(ctx);
    return error;
  }

  function step(input: KernelInput): StepResult {
    const result: StepResult = { events: [], effects: [] };
    const error = stepInto(input, result.events, result.effects);
    if (error !== undefined) result.error = error;
    return result;
  }

  return {
    step,
    stepInto,
    snapshot: () => snapshot(ctx),
    kv: (name) => {
      const agent = ctx.registry.agent(name);
      return agent ? Object.fromEntries(agent.kv) : {};
    },
    mailbox: (name) => {
      const agent = ctx.registry.agent(name);
      return agent ? [...agent.inFlight.toArray(), ...agent.queue.toArray()] : [];
    },
    nextTimer: () => nextDeadline(ctx),
    deadLetters: () => ctx.deadLetters.list(),
  };
}

function dispatch(ctx: KernelContext, input: KernelInput): OrreryErrorData | undefined {
  if (typeof input !== 'object' || input === null || typeof (input as { type?: unknown }).type !== 'string') {
    return errorData('ORR017', `expected a command, host event or tick, got ${describeValue(input)}`, { expected: 'an object with a "type"', received: describeValue(input) });
  }
  switch (input.type) {
    // Host events first: they are the data path.
    case 'agent.sent':
    case 'agent.handled':
    case 'agent.ready':
    case 'agent.init-failed':
    case 'agent.crashed':
    case 'kv.set':
    case 'agent.log':
      return onHostEvent(ctx, input);
    case 'tick':
      onTick(ctx);
      return undefined;
    case 'message.send':
      return consoleSend(ctx, input.message, input.from);
    case 'agent.deploy':
      return lifecycle.deploy(ctx, input.spec);
    case 'agent.stop':
      return lifecycle.stop(ctx, input.name);
    case 'agent.start':
      return lifecycle.start(ctx, input.name);
    case 'agent.restart':
      return lifecycle.restart(ctx, input.name);
    case 'agent.suspend':
      return lifecycle.suspend(ctx, input.name);
    case 'agent.resume':
      return lifecycle.resume(ctx, input.name);
    case 'topic.create':
      return lifecycle.addNode(ctx, 'topic', input.name);
    case 'client.create':
      return lifecycle.addNode(ctx, 'client', input.name);
    case 'node.remove':
      return lifecycle.removeNode(ctx, input.name);
    case 'link.add':
      return lifecycle.addLink(ctx, input.a, input.b, input.id);
    case 'link.remove':
      return lifecycle.removeLink(ctx, input.id);
    case 'link.configure':
      return configureLink(ctx, input.id, input.policy);
    case 'group.create':
      return createGroup(ctx, input.spec);
    case 'agent.configure':
      return configureAgent(ctx, input as unknown as Record<string, unknown>);
    case 'group.configure':
      return configureGroup(ctx, input as unknown as Record<string, unknown>);
    case 'chaos.inject':
      return injectChaos(ctx, input.fault);
    case 'chaos.clear':
      return clearChaos(ctx, input.id);
    default: {
      const type: unknown = (input as { type: unknown }).type;
      return errorData('ORR017', `unknown input type ${describeValue(type)}`, { expected: 'a command, host event or tick', received: describeValue(type) });
    }
  }
}

/** Refused messages are recorded as `message.invalid`, not as a kernel error log. */
function isMessageError(input: KernelInput): boolean {
  return typeof input === 'object' && input !== null && input.type === 'message.send';
}

function describeInput(input: unknown): string {
  const type = (input as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `"${type}"` : describeValue(input);
}

/** Ask the shell for a tick at the earliest deadline unless an earlier one is armed. */
function armTimer(ctx: KernelContext): void {
  if (ctx.armedTimer !== undefined && ctx.armedTimer <= ctx.now) ctx.armedTimer = undefined;
  const next = nextDeadline(ctx);
  if (next !== undefined && (ctx.armedTimer === undefined || next < ctx.armedTimer)) {
    ctx.effects.push({ type: 'timer', at: next });
    ctx.armedTimer = next;
  }
}

function nextDeadline(ctx: KernelContext): number | undefined {
  const a = ctx.correlation.next();
  const b = ctx.scheduler.next();
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function snapshot(ctx: KernelContext): KernelSnapshot {
  const agents: AgentView[] = [];
  for (const agent of ctx.registry.ofType('agent')) {
    const view: AgentView = {
      name: agent.name,
      kind: agent.kind,
      status: agent.status,
      instance: agent.instance,
      restarts: agent.restarts,
      mailboxDepth: agent.queue.length + agent.inFlight.length,
      counters: ctx.metrics.node(agent.name),
      config: agent.config,
      limits: { ...agent.limits },
      restart: agent.restartType,
      redelivery: agent.redelivery,
      isolated: agent.isolated,
    };
    if (agent.group !== undefined) view.group = agent.group;
    agents.push(view);
  }
  return {
    time: ctx.clock.now(),
    agents,
    topics: [...ctx.registry.ofType('topic')].map((t) => t.name),
    clients: [...ctx.registry.ofType('client')].map((c) => c.name),
    links: [...ctx.links.byId.values()].map((link) => {
      const view: LinkView = { id: link.id, a: link.a, b: link.b, counters: ctx.metrics.link(link.id) };
      if (link.policy !== undefined) view.policy = link.policy;
      if (link.breaker !== undefined) view.breaker = link.breaker.state;
      return view;
    }),
    groups: ctx.groups.views(),
    deadLetters: ctx.deadLetters.total,
    faults: [...ctx.chaos.faults.values()],
    seq: ctx.log.nextSeq,
  };
}

