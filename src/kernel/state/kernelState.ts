/**
 * All of the kernel's state, in one place: plain data and small accessors. Built once in
 * `createKernel`; the behaviour modules (pipeline, supervision, commands...) change it and
 * it imports none of them. The one call that flows backwards through the pipeline, a
 * kernel message (a `failure`) sent back to a sender from a later stage, goes through
 * `dispatch`, wired by the kernel.
 */
import type { MessageDraft, AclMessage } from '../../protocol/message';
import type { AgentLimits, Clock, Effect, Rng } from '../types';
import { AgentTimers } from './agentTimers';
import { ChaosState } from './chaos';
import { Correlation } from './correlation';
import { DeadLetters } from './deadLetters';
import { EventLog } from './eventLog';
import { Groups } from './groups';
import { Ids } from './ids';
import { Links } from './links';
import { Metrics } from './metrics';
import { NetState } from './net';
import type { NetNode } from './nodes';
import { Registry } from './registry';
import { Reliability } from './reliability';
import { Scheduler } from './scheduler';

/** Calls from a later stage back to the start of the pipeline. */
export interface Dispatch {
  /** Stamps and routes a message; `senderNode` undefined = the console or the kernel. */
  send(state: KernelState, draft: MessageDraft, sender: string, senderNode: NetNode | undefined): AclMessage;
}

export interface KernelState {
  readonly clock: Clock;
  /** Chaos and seeded policies; routing itself needs no randomness. */
  readonly rng: Rng;
  readonly log: EventLog;
  /** The current step's effects. */
  effects: Effect[];
  /** `clock.now()`, read once at the start of each step. */
  now: number;
  readonly registry: Registry;
  readonly links: Links;
  readonly ids: Ids;
  readonly correlation: Correlation;
  readonly metrics: Metrics;
  readonly defaultLimits: AgentLimits;
  readonly maxInFlight: number;
  /** Limit for console and client messages; agents use their own `limits.maxMessageBytes`. */
  readonly maxMessageBytes: number;
  /** Restarts, messages in transit, retries, breakers, agent timers: everything else that waits for a time. */
  readonly scheduler: Scheduler;
  readonly groups: Groups;
  readonly deadLetters: DeadLetters;
  readonly chaos: ChaosState;
  readonly net: NetState;
  readonly reliable: Reliability;
  readonly agentTimers: AgentTimers;
  readonly dispatch: Dispatch;
  /** The deadline of the last `timer` effect not yet reached. */
  armedTimer: number | undefined;
}

export interface StateOptions {
  clock: Clock;
  rng: Rng;
  defaultLimits: AgentLimits;
  maxInFlight: number;
  maxMessageBytes: number;
  eventLogCapacity: number;
  dispatch: Dispatch;
}

export function createKernelState(options: StateOptions): KernelState {
  const metrics = new Metrics();
  return {
    clock: options.clock,
    rng: options.rng,
    log: new EventLog(metrics, options.eventLogCapacity),
    effects: [],
    now: options.clock.now(),
    registry: new Registry(),
    links: new Links(),
    ids: new Ids(),
    correlation: new Correlation(),
    metrics,
    defaultLimits: options.defaultLimits,
    maxInFlight: options.maxInFlight,
    maxMessageBytes: options.maxMessageBytes,
    scheduler: new Scheduler(),
    groups: new Groups(),
    deadLetters: new DeadLetters(),
    chaos: new ChaosState(),
    net: new NetState(),
    reliable: new Reliability(),
    agentTimers: new AgentTimers(),
    dispatch: options.dispatch,
    armedTimer: undefined,
  };
}
