/**
 * Contracts for supervision, delivery guarantees, limits and chaos. Faults are narrow
 * verbs that only change how the network or an agent behaves (Maelstrom's net as
 * plain data); they never touch agent state directly.
 */
import type { FailureReason } from '../protocol/message';
import type { Performative } from '../protocol/performatives';

// ─── Supervision (Erlang/OTP semantics, Akka-style backoff) ──────────────────

export type RestartStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one';
/** permanent: always restarted; transient: only after an abnormal exit; temporary: never. */
export type RestartType = 'permanent' | 'transient' | 'temporary';

export interface BackoffSpec {
  minMs: number;
  maxMs: number;
  /** 0.2 adds up to 20% random delay (seeded). */
  randomFactor: number;
}

export interface SupervisorSpec {
  name: string;
  strategy: RestartStrategy;
  /** More than `intensity` restarts within `periodMs` and the group gives up (OTP: 1 in 5 s). */
  intensity: number;
  periodMs: number;
  backoff: BackoffSpec;
  /** The enclosing group; none = top level (gives up by marking children failed). */
  parent?: string;
}

export const DEFAULT_SUPERVISOR: Omit<SupervisorSpec, 'name'> = {
  strategy: 'one_for_one',
  intensity: 1,
  periodMs: 5_000,
  backoff: { minMs: 100, maxMs: 10_000, randomFactor: 0.2 },
};

/**
 * The implicit supervisor of an agent in no group: restart it (permanent) with backoff,
 * giving up (status `failed`) after more than 5 restarts in 10 s. Laxer than OTP's 1 in
 * 5 s because a crashing message is redelivered once (two restarts per bad message) and
 * a workbench user pokes at agents by hand; a crash is back in ~100–120 ms, a redelivered
 * crash ~200–240 ms after that.
 */
export const TOP_LEVEL_SUPERVISOR: Omit<SupervisorSpec, 'name'> = {
  strategy: 'one_for_one',
  intensity: 5,
  periodMs: 10_000,
  backoff: { minMs: 100, maxMs: 5_000, randomFactor: 0.2 },
};

/** What happens to the message being handled when its agent crashes. */
export type RedeliveryPolicy = 'once' | 'never';

export type OverflowPolicy = 'reject' | 'drop-oldest';

// ─── Links: delivery guarantees, circuit breaking ────────────────────────────

export interface LinkPolicy {
  delivery: 'at-most-once' | 'at-least-once';
  /** at-least-once: resend unacked messages with exponential backoff. */
  retry: { initialMs: number; maxMs: number; maxAttempts: number };
  /** Failures within `windowMs` open the breaker; after `openMs` one probe is let through. */
  breaker?: { failures: number; windowMs: number; openMs: number };
  /**
   * Kernel-side retry of requests (`request` with `reply_with`) that fail over this link
   * for a transient reason: instead of the `failure`, the request is sent again after an
   * exponential backoff, up to `maxAttempts` sends in all; the last failure goes to the
   * sender. Default reasons: agent-crashed, deadline-exceeded, mailbox-full, timeout,
   * circuit-open.
   */
  requestRetry?: { maxAttempts: number; initialMs: number; maxMs: number; reasons?: FailureReason[] };
}

// ─── Chaos ───────────────────────────────────────────────────────────────────

export type FaultEffect =
  | { kind: 'latency'; ms: number; jitterMs: number }
  | { kind: 'drop' }
  | { kind: 'duplicate' }
  | { kind: 'reorder'; windowMs: number }
  | { kind: 'corrupt'; field: 'performative' | 'receiver' | 'content' | 'conversation_id' | 'in_reply_to' }
  /** Nodes in different groups cannot reach each other (or only from earlier to later groups when one-way). */
  | { kind: 'partition'; groups: string[][]; direction: 'both' | 'one-way' }
  | { kind: 'bandwidth'; bytesPerSecond: number }
  | { kind: 'kill' }
  /** A trap inside the agent on its next message. */
  | { kind: 'crash' }
  /** The agent spins on its next message (the watchdog must act). */
  | { kind: 'hang' }
  | { kind: 'slow'; ms: number }
  | { kind: 'clock-skew'; ms: number };

export type FaultKind = FaultEffect['kind'];

export interface FaultSpec {
  id: string;
  /** Links by id, agents by name; empty both = every link / agent the fault applies to. */
  target: { links?: string[]; agents?: string[] };
  /** Only messages with these performatives (network faults); omitted = all. */
  performatives?: Performative[];
  /** Chance per message (network faults) or per application (agent faults), 0..1. */
  probability: number;
  effect: FaultEffect;
}
