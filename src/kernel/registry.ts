/**
 * The nodes on the network: agents, topics and clients, one namespace. Plain records;
 * the modules that change them (lifecycle, links, delivery) are separate.
 */
import type { JsonValue } from '../protocol/message';
import { MessageQueue } from './messageQueue';
import type { BreakerState } from './breaker';
import type { LinkPolicy, RedeliveryPolicy, RestartType } from './resilienceTypes';
import type { AgentLimits, AgentStatus, LinkSpec } from './types';

export interface LinkRecord extends LinkSpec {
  /** Set by `link.configure`. */
  policy?: LinkPolicy;
  breaker?: BreakerState;
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

export function createAgentNode(name: string, kind: string, config: JsonValue, limits: AgentLimits, isolated: boolean, options: AgentOptions): AgentNode {
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
  };
}

export class Registry {
  readonly nodes = new Map<string, NetNode>();

  get(name: string): NetNode | undefined {
    return this.nodes.get(name);
  }

  agent(name: string): AgentNode | undefined {
    const node = this.nodes.get(name);
    return node?.type === 'agent' ? node : undefined;
  }

  add(node: NetNode): void {
    this.nodes.set(node.name, node);
  }

  delete(name: string): void {
    this.nodes.delete(name);
  }

  *ofType<T extends NetNode['type']>(type: T): IterableIterator<Extract<NetNode, { type: T }>> {
    for (const node of this.nodes.values()) if (node.type === type) yield node as Extract<NetNode, { type: T }>;
  }
}

/** Statuses in which an instance exists (or is being made) and may talk to the kernel. */
export function isAlive(status: AgentStatus): boolean {
  return status === 'loading' || status === 'running' || status === 'suspended' || status === 'restarting';
}
