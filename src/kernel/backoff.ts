/**
 * Restart backoff, as Akka's BackoffSupervisor computes it: the base doubles per restart
 * from `minMs` up to `maxMs`, then a seeded random part of up to `randomFactor` of it is
 * added, so a crash storm across many agents does not restart them in lockstep.
 * Bounds: min(maxMs, minMs·2^attempt) ≤ delay ≤ min(maxMs, minMs·2^attempt)·(1 + randomFactor).
 */
import type { BackoffSpec } from './resilienceTypes';
import type { Rng } from './types';

export function backoffDelay(spec: BackoffSpec, attempt: number, rng: Rng): number {
  const base = Math.min(spec.maxMs, spec.minMs * 2 ** Math.min(attempt, 30));
  const jitter = spec.randomFactor > 0 ? rng.next() * spec.randomFactor : 0;
  return Math.round(base * (1 + jitter));
}

/** Exponential retry delay for at-least-once links (no jitter: the timer is per message). */
export function retryDelay(initialMs: number, maxMs: number, attempt: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(0, attempt - 1), 30));
}
