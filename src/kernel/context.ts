/** The kernel's state, shared by the modules that change it. Built once in `createKernel`. */
import type { Chaos } from './chaos';
import type { Correlation } from './correlation';
import type { DeadLetters } from './deadLetters';
import type { Groups } from './groups';
import type { NetState } from './network';
import type { Reliability } from './reliability';
import type { Scheduler } from './scheduler';
import type { EventLog } from './eventLog';
import type { Ids } from './ids';
import type { Links } from './links';
import type { Metrics } from './metrics';
import type { Registry } from './registry';
import type { AgentLimits, Clock, Effect, Rng } from './types';

export interface KernelContext {
  readonly clock: Clock;
  /** Reserved for chaos and seeded policies; routing itself needs no randomness. */
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
  /** Restarts, messages in transit, retries, breakers: everything else that waits for a time. */
  readonly scheduler: Scheduler;
  readonly groups: Groups;
  readonly deadLetters: DeadLetters;
  readonly chaos: Chaos;
  readonly net: NetState;
  readonly reliable: Reliability;
  /** The deadline of the last `timer` effect not yet reached. */
  armedTimer: number | undefined;
}
