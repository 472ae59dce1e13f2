import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../experiments/load/run/types';
import { createProgressThrottle } from './progressThrottle';

function progress(atMs: number, links: Record<string, number> = {}): LoadProgress {
  return {
    atMs,
    fraction: atMs / 10_000,
    timeLeftMs: 10_000 - atMs,
    vus: 1,
    maxVUs: 1,
    totals: { started: atMs, sent: atMs, ok: atMs, errors: 0, dropped: 0, interrupted: 0, inFlight: 0 },
    points: { requests: [{ startMs: atMs, values: { count: atMs } }] },
    linkLoad: links,
    thresholds: [],
    annotations: [],
  };
}

function harness() {
  let clock = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const sent: LoadProgress[] = [];
  const throttle = createProgressThrottle({
    emit: (p) => sent.push(p),
    intervalMs: 250,
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { at: clock + ms, fn, live: true };
      timers.push(t);
      return () => void (t.live = false);
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers) {
      if (!t.live || t.at > clock) continue;
      t.live = false;
      t.fn();
    }
  };
  return { throttle, sent, advance, setClock: (t: number) => (clock = t) };
}

describe('load progress throttle', () => {
  it('sends the first progress at once and holds the next ones back for the interval, merged', () => {
    const { throttle, sent, advance } = harness();
    throttle.push(progress(1000, { a: 2 }));
    expect(sent.map((p) => p.atMs)).toEqual([1000]);
    throttle.push(progress(2000, { a: 3 }));
    throttle.push(progress(3000, { a: 4, b: 1 }));
    expect(sent).toHaveLength(1);
    advance(250);
    expect(sent).toHaveLength(2);
    const merged = sent[1]!;
    expect(merged.atMs).toBe(3000);
    expect(merged.linkLoad).toEqual({ a: 7, b: 1 });
    expect(merged.points['requests']!.map((p) => p.startMs)).toEqual([2000, 3000]);
  });

  it('sends on push once the interval has passed even when no timer fires (a busy simulation)', () => {
    const { throttle, sent, setClock } = harness();
    throttle.push(progress(500));
    setClock(100);
    throttle.push(progress(1000));
    setClock(300);
    throttle.push(progress(1500));
    expect(sent.map((p) => p.atMs)).toEqual([500, 1500]);
    expect(sent[1]!.points['requests']!.map((p) => p.startMs)).toEqual([1000, 1500]);
  });

  it('flush sends what is held back; close drops it', () => {
    const { throttle, sent, advance } = harness();
    throttle.push(progress(1));
    throttle.push(progress(2));
    throttle.flush();
    expect(sent.map((p) => p.atMs)).toEqual([1, 2]);
    throttle.push(progress(3));
    throttle.close();
    advance(1000);
    expect(sent.map((p) => p.atMs)).toEqual([1, 2]);
  });

  it('a later point for the same interval replaces the earlier one', () => {
    const { throttle, sent, advance } = harness();
    throttle.push(progress(0));
    const a = progress(10);
    const b = { ...progress(20), points: { requests: [{ startMs: 10, values: { count: 99 } }] } };
    throttle.push(a);
    throttle.push(b);
    advance(250);
    expect(sent[1]!.points['requests']).toEqual([{ startMs: 10, values: { count: 99 } }]);
  });
});
