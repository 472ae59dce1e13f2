/**
 * The nodes on the network (agents, topics and clients, one namespace) and the links
 * between them, as plain records. The modules that change them are elsewhere.
 */
import type { JsonValue } from '../../protocol/message';
import type { LinkPolicy, RedeliveryPolicy, RestartType } from '../resilienceTypes';
import type { AgentLimits, AgentStatus, LinkSpec } from '../types';
import { MessageQueue } from './messageQueue';

export interface LinkRecord extends LinkSpec {
  /** Set by `link.configure`. */
  policy?: LinkPolicy;
  breaker?: BreakerState;
}

/** A link's circuit breaker (see `policy/breaker.ts`). */
export interface BreakerState {
  state: 'closed' | 'open' | 'half-open';
  /** Failure times within the window (closed). */
  failures: number[];
  token: number;
  probe: string | undefined;
  probeAt: number;
}

export function newBreaker(): BreakerState {
  return { state: 'closed', failures: [], token: 0, probe: undefined, probeAt: 0 };
}

interface NodeBase {
  readonly name: string;
  /** Neighbour name → the link joining them (links are bidirectional). */
  readonly peers: Map<string, LinkRecord>;
}

export interface AgentNode extends NodeBase {
  readonly type: 'agent';
  readonly kind: string;
  readonly config: JsonValue;
  /** Changed in place by `agent.configure`. */
  limits: AgentLimits;
  isolated: boolean;
  status: AgentStatus;
  /** The live instance; host events naming any other instance are stale. */
  instance: number;
  restarts: number;
  /** Suspension is remembered across restarts: a suspended agent comes back suspended. */
  suspended: boolean;
  /** Durable state; the kernel is its source of truth and hands it to every new instance. */
  readonly kv: Map<string, string>;
  /** Accepted, not yet handed to the instance. */
  readonly queue: MessageQueue;
  /** Handed to the instance, not yet handled, in delivery order. */
  readonly inFlight: MessageQueue;
  /** Deliveries outstanding at most (the bulkhead: min(maxInFlight, limits.maxConcurrent)). */
  window: number;
  /** Its supervision group; undefined = the implicit top-level supervisor. */
  group: string | undefined;
  restartType: RestartType;
  redelivery: RedeliveryPolicy;
  /** Ids of messages already redelivered once after a crash. */
  redelivered: Set<string> | undefined;
  /** Times of recent supervised restarts (the implicit supervisor's intensity window). */
  readonly history: number[];
  /** Identifies the pending backoff restart; 0 = none. */
  restartToken: number;
  /** Times the watchdog killed it (`deadline-exceeded`): the second time it is isolated. */
  deadlineKills: number;
}

export interface TopicNode extends NodeBase {
  readonly type: 'topic';
}

export interface ClientNode extends NodeBase {
  readonly type: 'client';
}

export type NetNode = AgentNode | TopicNode | ClientNode;

export interface AgentOptions {
  window: number;
  group: string | undefined;
  restartType: RestartType;
  redelivery: RedeliveryPolicy;
}

export function createAgentNode(
  name: string,
  kind: string,
  config: JsonValue,
  limits: AgentLimits,
  isolated: boolean,
  options: AgentOptions,
): AgentNode {
  return {
    type: 'agent',
    name,
    peers: new Map(),
    kind,
    config,
    limits,
    isolated,
    status: 'loading',
    instance: 1,
    restarts: 0,
    suspended: false,
    kv: new Map(),
    queue: new MessageQueue(),
    inFlight: new MessageQueue(),
    window: options.window,
    group: options.group,
    restartType: options.restartType,
    redelivery: options.redelivery,
    redelivered: undefined,
    history: [],
    restartToken: 0,
    deadlineKills: 0,
  };
}

/** Statuses in which an instance exists (or is being made) and may talk to the kernel. */
export function isAlive(status: AgentStatus): boolean {
  return status === 'loading' || status === 'running' || status === 'suspended' || status === 'restarting';
}
