/**
 * The chaos faults a single-thread shell carries out (the kernel's `fault` effects), for
 * every in-process agent kind alike, with the worker runtime's semantics: `crash` and
 * `hang` are one-shot for the next message; `slow` (added to every handling time) and
 * `clock-skew` (added to now-ms) stand until an effect with `ms: 0` clears them. The kernel
 * re-sends standing faults right after each spawn, so a new instance starts clean.
 */
import type { Effect } from '../index';

type FaultEffect = Extract<Effect, { type: 'fault' }>;

/** What the next delivery to an instance does, decided when it starts. */
export interface DeliveryPlan {
  mode: 'run' | 'crash' | 'hang';
  /** Extra handling time (slow fault); for a hang, the deadline. */
  extraMs: number;
}

interface Faults {
  instance: number;
  deadlineMs: number;
  crashNext: boolean;
  hangNext: boolean;
  slowMs: number;
  skewMs: number;
}

export interface FaultBook {
  /** A new instance: its faults start clean. */
  spawned(agent: string, instance: number, deadlineMs: number): void;
  apply(effect: FaultEffect): void;
  /** Consumes one-shot faults. A slow wait past the deadline is a hang: the watchdog would cut it. */
  plan(agent: string, instance: number): DeliveryPlan;
  /** Added to the clock for the agent's now-ms. */
  skewMs(agent: string): number;
  forget(agent: string): void;
}

export function createFaultBook(): FaultBook {
  const book = new Map<string, Faults>();
  const fresh = (instance: number, deadlineMs: number): Faults => ({
    instance,
    deadlineMs,
    crashNext: false,
    hangNext: false,
    slowMs: 0,
    skewMs: 0,
  });

  return {
    spawned(agent, instance, deadlineMs) {
      const faults = book.get(agent);
      if (faults !== undefined && faults.instance === instance) faults.deadlineMs = deadlineMs;
      else book.set(agent, fresh(instance, deadlineMs));
    },
    apply(effect) {
      let faults = book.get(effect.agent);
      if (faults === undefined || faults.instance < effect.instance) book.set(effect.agent, (faults = fresh(effect.instance, Infinity)));
      if (faults.instance !== effect.instance) return; // for an instance already replaced
      if (effect.fault === 'crash') faults.crashNext = true;
      else if (effect.fault === 'hang') faults.hangNext = true;
      else if (effect.fault === 'slow') faults.slowMs = Math.max(0, effect.ms ?? 0);
      else faults.skewMs = effect.ms ?? 0;
    },
    plan(agent, instance) {
      const faults = book.get(agent);
      if (faults === undefined || faults.instance !== instance) return { mode: 'run', extraMs: 0 };
      if (faults.hangNext || faults.slowMs > faults.deadlineMs) {
        faults.hangNext = false;
        return { mode: 'hang', extraMs: faults.deadlineMs };
      }
      if (faults.crashNext) {
        faults.crashNext = false;
        return { mode: 'crash', extraMs: faults.slowMs };
      }
      return { mode: 'run', extraMs: faults.slowMs };
    },
    skewMs: (agent) => book.get(agent)?.skewMs ?? 0,
    forget(agent) {
      book.delete(agent);
    },
  };
}
