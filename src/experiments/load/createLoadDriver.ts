/**
 * A load driver: sends one message shape to targets in turn at a constant arrival rate,
 * open loop (see constantArrivalRate.ts), on whatever thread runs it (the kernel worker in
 * the browser, so that the page only draws). Timer and clock are injected.
 */
import type { Clock } from '../../kernel/types';
import type { JsonValue } from '../../protocol/message';
import { constantArrivalRate, sendsDue } from './constantArrivalRate';

export interface LoadSpec {
  /** Receivers, sent to in turn. */
  targets: string[];
  ratePerSecond: number;
  /** The message without its receiver. */
  message: { performative: string; content?: JsonValue; [field: string]: JsonValue | undefined };
}

export interface LoadCounts {
  /** Sends due by the schedule so far. */
  due: number;
  /** Sends made (the driver never sends ahead of the schedule). */
  sent: number;
  /** Sends the runtime refused (e.g. no such receiver). */
  refused: number;
  elapsedMs: number;
}

export interface LoadDriverDeps {
  clock: Clock;
  send(draft: Record<string, JsonValue>): Promise<{ ok: boolean }>;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  tickMs?: number;
}

export interface LoadDriver {
  /** Starts (or restarts with a new spec). */
  start(spec: LoadSpec): void;
  /** Stops sending; the counts of the run. */
  stop(): LoadCounts;
  counts(): LoadCounts;
}

export function createLoadDriver(deps: LoadDriverDeps): LoadDriver {
  let stopTimer: (() => void) | null = null;
  let counts: LoadCounts = { due: 0, sent: 0, refused: 0, elapsedMs: 0 };
  let startedAt = 0;

  const start = (spec: LoadSpec) => {
    stopTimer?.();
    if (spec.targets.length === 0) throw new RangeError('a load needs at least one target');
    const schedule = constantArrivalRate(spec.ratePerSecond);
    counts = { due: 0, sent: 0, refused: 0, elapsedMs: 0 };
    startedAt = deps.clock.now();
    let next = 0;
    const tick = () => {
      counts.elapsedMs = deps.clock.now() - startedAt;
      const now = sendsDue(schedule, counts.elapsedMs, counts.sent);
      counts.due = counts.sent + now;
      for (let i = 0; i < now; i++) {
        const draft = { ...spec.message, receiver: spec.targets[next]! } as Record<string, JsonValue>;
        next = (next + 1) % spec.targets.length;
        counts.sent++;
        deps.send(draft).then(
          (r) => void (r.ok || counts.refused++),
          () => void counts.refused++,
        );
      }
    };
    tick();
    stopTimer = deps.every(deps.tickMs ?? 10, tick);
  };

  return {
    start,
    stop() {
      stopTimer?.();
      stopTimer = null;
      return { ...counts };
    },
    counts: () => ({ ...counts }),
  };
}
