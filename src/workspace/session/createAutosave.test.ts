import { describe, expect, it } from 'vitest';
import { createAutosave, isQuotaError, type AutosaveStatus } from './createAutosave';

/** A hand-driven clock: `advance` runs what fell due, in order. */
function fakeTimers() {
  let t = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    schedule(fn: () => void, ms: number) {
      const id = nextId++;
      queue.push({ at: t + ms, fn, id });
      return () => {
        queue = queue.filter((q) => q.id !== id);
      };
    },
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue.shift();
        t = next.at;
        next.fn();
        await settle();
      }
      t = end;
    },
    pending: () => queue.map((q) => q.at - t),
    now: () => t,
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

function harness(fail: (attempt: number) => Error | null) {
  const timers = fakeTimers();
  const statuses: AutosaveStatus[] = [];
  const written: number[] = [];
  let doc = 0;
  let attempts = 0;
  const autosave = createAutosave<number>({
    capture: () => doc,
    write: async (d) => {
      const error = fail(++attempts);
      if (error) throw error;
      written.push(d);
    },
    onStatus: (s) => statuses.push(s),
    schedule: timers.schedule,
    now: timers.now,
    debounceMs: 500,
    retryBaseMs: 1000,
    retryMaxMs: 8000,
  });
  const edit = (value: number) => {
    doc = value;
    autosave.markDirty();
  };
  return { timers, statuses, written, autosave, edit, last: () => statuses[statuses.length - 1] };
}

describe('createAutosave', () => {
  it('writes once after the debounce, with the latest document', async () => {
    const h = harness(() => null);
    h.edit(1);
    h.edit(2);
    await h.timers.advance(499);
    expect(h.written).toEqual([]);
    await h.timers.advance(1);
    expect(h.written).toEqual([2]);
    expect(h.autosave.isDirty()).toBe(false);
    expect(h.last()).toMatchObject({ state: 'saved' });
  });

  it('keeps the dirty mark when a write fails and retries with growing backoff until it succeeds', async () => {
    const h = harness((attempt) => (attempt <= 3 ? new Error('disk said no') : null));
    h.edit(7);
    await h.timers.advance(500);
    expect(h.autosave.isDirty()).toBe(true);
    expect(h.last()).toEqual({ state: 'error', problem: { kind: 'failed', message: 'disk said no' }, attempt: 1, retryInMs: 1000 });
    await h.timers.advance(1000);
    expect(h.last()).toMatchObject({ state: 'error', attempt: 2, retryInMs: 2000 });
    await h.timers.advance(2000);
    expect(h.last()).toMatchObject({ state: 'error', attempt: 3, retryInMs: 4000 });
    expect(h.written).toEqual([]);
    await h.timers.advance(4000);
    expect(h.written).toEqual([7]);
    expect(h.autosave.isDirty()).toBe(false);
    expect(h.last()).toMatchObject({ state: 'saved' });
  });

  it('caps the backoff', async () => {
    const h = harness(() => new Error('no'));
    h.edit(1);
    await h.timers.advance(500 + 1000 + 2000 + 4000 + 8000);
    expect(h.last()).toMatchObject({ state: 'error', attempt: 5, retryInMs: 8000 });
  });

  it('tells a full quota apart (the UI offers an export) and still saves once space is freed', async () => {
    let full = true;
    const h = harness(() => (full ? quotaError() : null));
    h.edit(3);
    await h.timers.advance(500);
    expect(h.last()).toMatchObject({ state: 'error', problem: { kind: 'quota' } });
    expect(h.autosave.isDirty()).toBe(true);
    full = false;
    await h.timers.advance(1000);
    expect(h.written).toEqual([3]);
  });

  it('an edit made while a retry is pending does not reset the backoff, and is in the retried write', async () => {
    let failing = true;
    const h = harness(() => (failing ? new Error('no') : null));
    h.edit(1);
    await h.timers.advance(500);
    h.edit(2);
    expect(h.timers.pending()).toEqual([1000]);
    failing = false;
    await h.timers.advance(1000);
    expect(h.written).toEqual([2]);
  });

  it('an edit made during a write stays dirty and is saved next', async () => {
    let release: () => void = () => undefined;
    const timers = fakeTimers();
    let doc = 1;
    const written: number[] = [];
    const autosave = createAutosave<number>({
      capture: () => doc,
      write: (d) =>
        new Promise<void>((resolve) => {
          release = () => {
            written.push(d);
            resolve();
          };
        }),
      onStatus: () => undefined,
      schedule: timers.schedule,
      debounceMs: 500,
    });
    autosave.markDirty();
    const first = autosave.flush();
    doc = 2;
    autosave.markDirty();
    release();
    await first;
    expect(autosave.isDirty()).toBe(true);
    await timers.advance(500);
    release();
    await settle();
    expect(written).toEqual([1, 2]);
    expect(autosave.isDirty()).toBe(false);
  });

  it('flushNow captures and starts the write synchronously', () => {
    const writes: number[] = [];
    const autosave = createAutosave<number>({ capture: () => 9, write: async (d) => void writes.push(d), onStatus: () => undefined });
    autosave.markDirty();
    void autosave.flushNow();
    expect(writes).toEqual([9]);
    autosave.dispose();
  });

  it('recognises quota errors by name, legacy code and wrapped cause', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
