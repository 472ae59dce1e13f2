/**
 * The save state machine behind autosave: a document marked dirty is written after a
 * quiet moment; a write that fails leaves it dirty and is retried with backoff; a full
 * storage quota is told apart so the UI can say so and offer an export. Capture is
 * synchronous (the UI's own copy), so a save started on page hide never waits on a worker.
 * No React, no store: timers come in through `schedule` so tests drive them.
 */

export type SaveProblem = { kind: 'quota' | 'failed'; message: string };

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  /** The last write failed: still dirty, `retryInMs` until the next attempt (attempt ≥ 1). */
  | { state: 'error'; problem: SaveProblem; attempt: number; retryInMs: number };

export interface AutosaveOptions<T> {
  /** The document as it is now, taken synchronously; null = nothing to save (e.g. no workspace open). */
  capture(): T | null;
  write(doc: T): Promise<void>;
  onStatus(status: AutosaveStatus): void;
  /** Run `fn` after `ms`; returns a cancel. Default: setTimeout. */
  schedule?(fn: () => void, ms: number): () => void;
  now?(): number;
  debounceMs?: number;
  /** First retry delay; doubled per failure up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface Autosave {
  /** Something changed: save after the debounce. */
  markDirty(): void;
  /** Save now if dirty; resolves when that save (and any already running) has settled. */
  flush(): Promise<void>;
  /**
   * Page hide: capture and start the write now, even while another write is running
   * (IndexedDB runs read-write transactions on one store in the order they were created).
   */
  flushNow(): Promise<void>;
  /** Forget pending changes (e.g. the workspace was deleted); waits for a running write. */
  discard(): Promise<void>;
  isDirty(): boolean;
  dispose(): void;
}

/** A full quota, as IndexedDB and localStorage report it (name or legacy code 22). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22) return true;
  return e.inner !== undefined && isQuotaError(e.inner);
}

function problemOf(error: unknown): SaveProblem {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return { kind: isQuotaError(error) ? 'quota' : 'failed', message };
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export function createAutosave<T>(options: AutosaveOptions<T>): Autosave {
  const schedule = options.schedule ?? defaultSchedule;
  const now = options.now ?? (() => Date.now());
  const debounceMs = options.debounceMs ?? 500;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;

  let dirty = false;
  /** Bumped by every change: a save that started before the last change leaves it dirty. */
  let generation = 0;
  let failures = 0;
  let cancelTimer: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  let writes = 0;
  let disposed = false;

  const later = (ms: number) => {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void flush();
    }, ms);
  };

  const saveOnce = async (): Promise<void> => {
    if (!dirty || disposed) return;
    const doc = options.capture();
    if (doc === null) return;
    const startedAt = generation;
    // Clean only once the write succeeds; until then this document is still unsaved.
    writes++;
    options.onStatus({ state: 'saving' });
    try {
      await options.write(doc);
      failures = 0;
      if (generation === startedAt) dirty = false;
      options.onStatus(dirty ? { state: 'dirty' } : { state: 'saved', at: now() });
      if (dirty && !disposed) later(debounceMs);
    } catch (error) {
      failures++;
      const retryInMs = Math.min(retryMaxMs, retryBaseMs * 2 ** (failures - 1));
      options.onStatus({ state: 'error', problem: problemOf(error), attempt: failures, retryInMs });
      if (!disposed) later(retryInMs);
    } finally {
      writes--;
    }
  };

  // Synchronous up to the write: the capture and the write's start happen in the call.
  const start = (queued: boolean): Promise<void> => {
    cancelTimer?.();
    cancelTimer = null;
    running = queued && writes > 0 ? running.then(saveOnce) : saveOnce();
    return running;
  };
  const flush = () => start(true);

  return {
    markDirty() {
      if (disposed) return;
      dirty = true;
      generation++;
      // While a retry is pending, keep its backoff rather than hammering a failing store.
      if (failures > 0 && cancelTimer) return;
      if (writes === 0) options.onStatus({ state: 'dirty' });
      later(debounceMs);
    },
    flush,
    flushNow: () => start(false),
    async discard() {
      cancelTimer?.();
      cancelTimer = null;
      dirty = false;
      failures = 0;
      await running.catch(() => undefined);
      dirty = false;
    },
    isDirty: () => dirty,
    dispose() {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
