/**
 * Load progress crosses to the page at most every `intervalMs` of wall time (a simulated run
 * reports every 500 ms of run time, thousands of times a second). What is held back is not
 * lost: the next progress sent carries every series point and link count since the last one.
 */
import type { LoadProgress } from '../../experiments/load/run/types';
import type { SeriesPoint } from '../../experiments/load/metrics/timeSeries';

export const PROGRESS_INTERVAL_MS = 250;

export interface ProgressThrottle {
  push(progress: LoadProgress): void;
  /** Sends what is held back now (the run ended). */
  flush(): void;
  /** Drops what is held back and cancels the timer. */
  close(): void;
}

export interface ThrottleOptions {
  emit(progress: LoadProgress): void;
  intervalMs?: number;
  now?(): number;
  setTimer?(fn: () => void, ms: number): () => void;
}

/** New points per key, a later point for the same interval replacing an earlier one. */
export function mergePoints(a: Record<string, SeriesPoint[]>, b: Record<string, SeriesPoint[]>): Record<string, SeriesPoint[]> {
  const merged = { ...a };
  for (const [key, added] of Object.entries(b)) {
    if (added.length === 0) continue;
    const first = added[0]!.startMs;
    merged[key] = [...(a[key] ?? []).filter((p) => p.startMs < first), ...added];
  }
  return merged;
}

/** `later`'s figures with everything `earlier` carried that `later` does not repeat (points, link counts). */
export function mergeProgress(earlier: LoadProgress, later: LoadProgress): LoadProgress {
  const linkLoad = { ...earlier.linkLoad };
  for (const [id, n] of Object.entries(later.linkLoad)) linkLoad[id] = (linkLoad[id] ?? 0) + n;
  return { ...later, points: mergePoints(earlier.points, later.points), linkLoad };
}

const defaultTimer = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export function createProgressThrottle(options: ThrottleOptions): ProgressThrottle {
  const { emit, intervalMs = PROGRESS_INTERVAL_MS, now = () => performance.now(), setTimer = defaultTimer } = options;
  let pending: LoadProgress | undefined;
  let lastEmit = -Infinity;
  let cancel: (() => void) | undefined;

  const send = () => {
    cancel?.();
    cancel = undefined;
    if (!pending) return;
    const out = pending;
    pending = undefined;
    lastEmit = now();
    emit(out);
  };

  return {
    push(progress) {
      pending = pending ? mergeProgress(pending, progress) : progress;
      const wait = lastEmit + intervalMs - now();
      if (wait <= 0) send();
      else cancel ??= setTimer(send, wait);
    },
    flush: send,
    close() {
      cancel?.();
      cancel = undefined;
      pending = undefined;
    },
  };
}
