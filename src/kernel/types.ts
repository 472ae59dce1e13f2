/**
 * The kernel's contract with the world. The kernel is sans-I/O: `step(input)` returns
 * the facts it appended (events) and what it wants done (effects); a shell performs
 * the effects and feeds results back as host events and ticks.
 */
import type { OrreryErrorData } from '../protocol/errors';
import type { AclMessage, FailureReason, JsonValue } from '../protocol/message';
import type {
  BackoffSpec,
  FaultKind,
  FaultSpec,
  LinkPolicy,
  OverflowPolicy,
  RedeliveryPolicy,
  RestartStrategy,
  RestartType,
  SupervisorSpec,
} from './resilienceTypes';

export type AgentStatus = 'loading' | 'running' | 'suspended' | 'restarting' | 'stopping' | 'stopped' | 'failed';

export type NodeKind = 'agent' | 'topic' | 'client';

export interface AgentLimits {
  /** CPU deadline for one `handle` call, enforced by the host's watchdog. */
  deadlineMs: number;
  /** Linear-memory cap in 64 KiB pages; undefined = the module's own maximum. */
  memoryPages?: number;
  /** Queued (not yet delivered) messages before overflow. */
  mailboxCapacity: number;
  maxMessageBytes: number;
  /** What a full mailbox does with one more message. Default `reject`. */
  overflow?: OverflowPolicy;
  /** Bulkhead: requests handled concurrently (in flight); undefined = the kernel default. */
  maxConcurrent?: number;
}

export interface AgentSpec {
  name: string;
  /** Built-in kind id (`echo`, `counter`, ...) or `custom:<module hash>`. */
  kind: string;
  config?: JsonValue;
  limits?: Partial<AgentLimits>;
  /** Give the agent a worker of its own. */
  isolated?: boolean;
  /** Supervision group (a group node); none = top level. */
  group?: string;
  restart?: RestartType;
  /** The message being handled when the agent crashed: redelivered once, or dead-lettered. */
  redelivery?: RedeliveryPolicy;
}

/**
 * What `agent.configure` may change on a live agent. A limit set to `null` goes back to the
 * kernel's default (for memoryPages and maxConcurrent: no cap of its own).
 */
export type LimitsPatch = { [K in keyof AgentLimits]?: AgentLimits[K] | null };

/** The settings `agent.configured` reports as changed. */
export type AgentSetting = keyof AgentLimits | 'restart' | 'redelivery' | 'group' | 'isolated';

export interface LinkSpec {
  id: string;
  a: string;
  b: string;
}

// ─── Inputs ──────────────────────────────────────────────────────────────────

export type Command =
  | { type: 'agent.deploy'; spec: AgentSpec }
  | { type: 'agent.stop'; name: string }
  | { type: 'agent.start'; name: string }
  | { type: 'agent.restart'; name: string }
  | { type: 'agent.suspend'; name: string }
  | { type: 'agent.resume'; name: string }
  | { type: 'topic.create'; name: string }
  | { type: 'client.create'; name: string }
  /** Removes an agent, topic or client and every link that touches it. */
  | { type: 'node.remove'; name: string }
  | { type: 'link.add'; a: string; b: string; id?: string }
  | { type: 'link.remove'; id: string }
  | { type: 'link.configure'; id: string; policy: Partial<LinkPolicy> }
  | { type: 'group.create'; spec: SupervisorSpec }
  /**
   * Changes a deployed agent's settings in place: its kv, mailbox and in-flight messages
   * stay. Kernel-side settings apply at once; host-enforced ones (memoryPages, deadlineMs,
   * isolated) need a new instance, so a live agent whose host-enforced settings changed is
   * restarted as `agent.restart` does (in flight requeued). `group: null` = top level.
   */
  | {
      type: 'agent.configure';
      name: string;
      limits?: LimitsPatch;
      restart?: RestartType;
      redelivery?: RedeliveryPolicy;
      group?: string | null;
      isolated?: boolean;
    }
  /** Changes a group's supervisor settings in place; they apply from the next crash on. */
  | {
      type: 'group.configure';
      name: string;
      strategy?: RestartStrategy;
      intensity?: number;
      periodMs?: number;
      backoff?: Partial<BackoffSpec>;
    }
  | { type: 'chaos.inject'; fault: FaultSpec }
  /** Clears one fault, or every fault when `id` is omitted. */
  | { type: 'chaos.clear'; id?: string }
  /**
   * A message from outside the agents. `from` names a client node (on the network,
   * needs links) or is omitted for the operator console `you`, which reaches every
   * node directly. `message` is untrusted input: the kernel validates it.
   */
  | { type: 'message.send'; message: unknown; from?: string };

/** Every host event names the agent instance it came from; stale instances are ignored. */
export type HostEvent =
  | { type: 'agent.ready'; agent: string; instance: number }
  | { type: 'agent.init-failed'; agent: string; instance: number; error: string }
  /** `message` is what the guest passed to `send`: untrusted JSON text or value. */
  | { type: 'agent.sent'; agent: string; instance: number; message: unknown }
  | { type: 'agent.handled'; agent: string; instance: number; messageId: string; error?: string }
  /**
   * `bystander`: the instance died only because its worker was terminated for another
   * agent's sake (or by request), so none of its messages is to blame.
   */
  | { type: 'agent.crashed'; agent: string; instance: number; reason: string; messageId?: string; bystander?: boolean }
  | { type: 'kv.set'; agent: string; instance: number; key: string; value: string }
  | { type: 'agent.log'; agent: string; instance: number; level: LogLevel; text: string }
  /** The guest's `set-timer`: wake me after `delayMs` on the kernel's clock with `tag`. */
  | { type: 'agent.timer'; agent: string; instance: number; delayMs: number; tag: string };

/** The clock reached a time the kernel asked for with a `timer` effect. */
export interface Tick {
  type: 'tick';
}

export type KernelInput = Command | HostEvent | Tick;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

// ─── Outputs ─────────────────────────────────────────────────────────────────

export type Effect =
  | {
      type: 'spawn';
      agent: string;
      instance: number;
      kind: string;
      config: JsonValue;
      limits: AgentLimits;
      /** The agent's durable key-value state, restored into the new instance. */
      kv: Record<string, string>;
      isolated: boolean;
    }
  | { type: 'deliver'; agent: string; instance: number; message: AclMessage }
  | { type: 'kill'; agent: string; instance: number }
  | { type: 'timer'; at: number }
  /** A message addressed to a client node or to the console `you`. */
  | { type: 'reply'; client: string; message: AclMessage }
  /**
   * Agent faults the host carries out on that instance: `crash` traps on its next message,
   * `hang` spins inside its next handle (the watchdog must act), `slow` waits `ms` before
   * every handle and `clock-skew` adds `ms` to now-ms, both until an effect with `ms: 0`
   * (chaos.clear). The kernel sends slow and clock-skew again after every respawn.
   */
  | { type: 'fault'; agent: string; instance: number; fault: 'crash' | 'hang' | 'slow' | 'clock-skew'; ms?: number };

export type EventBody =
  | { type: 'agent.deployed'; agent: string; kind: string; config: JsonValue }
  | { type: 'agent.status'; agent: string; status: AgentStatus; reason?: string }
  /** `bystander`: it died only because its worker was terminated for another agent (not charged). */
  | { type: 'agent.crashed'; agent: string; reason: string; messageId?: string; bystander?: true }
  /** The watchdog killed it again: its next instances get a worker of their own. */
  | { type: 'agent.isolated'; agent: string; reason: string }
  /** An agent timer was set: `tag` wakes `agent` at kernel time `at`. */
  | { type: 'timer.set'; agent: string; tag: string; at: number }
  /** An agent timer came due: the agent gets its `orrery-timer` message. */
  | { type: 'timer.fired'; agent: string; tag: string }
  | { type: 'agent.restarted'; agent: string; instance: number }
  | { type: 'node.added'; node: string; kind: Exclude<NodeKind, 'agent'> }
  | { type: 'node.removed'; node: string }
  | { type: 'link.added'; link: LinkSpec }
  | { type: 'link.removed'; link: LinkSpec }
  /** A message accepted for routing (after validation), with the full envelope. */
  | { type: 'message.sent'; message: AclMessage }
  /** Handed to `to` (an agent's instance, a client, a topic fan-out) over `link`. */
  | { type: 'message.delivered'; messageId: string; to: string; link?: string }
  /** `error`: the guest returned an error (the sender got `not-understood`). */
  | { type: 'message.handled'; messageId: string; agent: string; error?: string }
  /** Could not be routed or delivered; the sender gets a `failure` when it can receive one. */
  | { type: 'message.failed'; messageId: string; to: string; reason: FailureReason; detail?: string; link?: string }
  | { type: 'message.dead-lettered'; message: AclMessage; to: string; reason: FailureReason; detail?: string }
  /** Input that never became a message (validation error), with the precise error. */
  | { type: 'message.invalid'; from: string; error: string }
  | { type: 'kv.set'; agent: string; key: string; value: string }
  | { type: 'log'; agent: string; level: LogLevel; text: string }
  | { type: 'group.created'; spec: SupervisorSpec }
  /**
   * `agent.configure` took effect: the agent's settings now (all of them), what changed, and
   * whether it restarts to apply host-enforced limits (`respawn`).
   */
  | {
      type: 'agent.configured';
      agent: string;
      limits: AgentLimits;
      restart: RestartType;
      redelivery: RedeliveryPolicy;
      isolated: boolean;
      group?: string;
      changed: AgentSetting[];
      respawn: boolean;
    }
  /** `group.configure` took effect: the whole spec now. */
  | { type: 'group.configured'; spec: SupervisorSpec; changed: ('strategy' | 'intensity' | 'periodMs' | 'backoff')[] }
  /** A restart scheduled after a backoff delay. */
  | { type: 'agent.backoff'; agent: string; delayMs: number; attempt: number }
  /** The group exceeded its restart intensity: children stopped, escalated to `parent` (or failed at top level). */
  | { type: 'group.escalated'; group: string; parent?: string; reason: string }
  | { type: 'message.redelivered'; messageId: string; agent: string; attempt: number }
  | { type: 'message.retried'; messageId: string; link: string; attempt: number }
  | { type: 'message.acked'; messageId: string; link: string }
  | { type: 'message.duplicate-discarded'; messageId: string; agent: string }
  | { type: 'link.configured'; link: string; policy: LinkPolicy }
  | { type: 'breaker.state'; link: string; state: 'closed' | 'open' | 'half-open' }
  | { type: 'chaos.injected'; fault: string; kind: FaultKind; messageId?: string; agent?: string; link?: string }
  | { type: 'chaos.set'; fault: FaultSpec }
  | { type: 'chaos.cleared'; fault: string };

export type KernelEvent = EventBody & { seq: number; t: number };

export interface StepResult {
  events: KernelEvent[];
  effects: Effect[];
  /**
   * Set when the input was rejected (invalid command, invalid console/client message):
   * nothing changed except a `log` (commands) or `message.invalid` (messages) event.
   */
  error?: OrreryErrorData;
}

// ─── Injected nondeterminism ─────────────────────────────────────────────────

export interface Clock {
  now(): number;
}

/** Seeded pseudo-random source: `next()` in [0, 1). */
export interface Rng {
  next(): number;
}

// ─── Read model ──────────────────────────────────────────────────────────────

export interface Counters {
  sent: number;
  delivered: number;
  failed: number;
}

export interface AgentView {
  name: string;
  kind: string;
  status: AgentStatus;
  instance: number;
  restarts: number;
  /** Queued plus in flight. */
  mailboxDepth: number;
  counters: Counters;
  config: JsonValue;
  limits: AgentLimits;
  group?: string;
  restart: RestartType;
  redelivery: RedeliveryPolicy;
  isolated: boolean;
}

export interface LinkView extends LinkSpec {
  counters: Counters;
  /** Set once `link.configure` was used on the link. */
  policy?: LinkPolicy;
  breaker?: 'closed' | 'open' | 'half-open';
}

export interface GroupView {
  name: string;
  strategy: RestartStrategy;
  intensity: number;
  periodMs: number;
  backoff: BackoffSpec;
  parent?: string;
  /** Agents and groups in the order they joined. */
  children: string[];
  /** `failed`: it gave up at the top level (restart intensity exceeded). */
  status: 'running' | 'failed';
}

/** A message that could not be delivered, and why (the DLQ view). */
export interface DeadLetter {
  message: AclMessage;
  to: string;
  reason: FailureReason;
  detail?: string;
  /** Kernel time it was dead-lettered. */
  t: number;
}

export interface KernelSnapshot {
  time: number;
  agents: AgentView[];
  topics: string[];
  clients: string[];
  links: LinkView[];
  /** Always set by the kernel; optional so older snapshot literals still type-check. */
  groups?: GroupView[];
  /** Messages dead-lettered so far (see `Kernel.deadLetters()`). Always set by the kernel. */
  deadLetters?: number;
  /** Chaos faults in force. Always set by the kernel. */
  faults?: FaultSpec[];
  /** Events appended so far (the next event's seq). */
  seq: number;
  /** Events the kernel's bounded log no longer keeps (see `eventLogCapacity`). Always set by the kernel. */
  eventsDropped?: number;
}
