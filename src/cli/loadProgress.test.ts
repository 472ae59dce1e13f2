import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../experiments/load/run/types';
import { createProgressReporter, formatProgressBar, formatProgressLine, LOG_LINE_MS, TTY_REDRAW_MS } from './loadProgress';

function progress(over: Partial<LoadProgress> = {}): LoadProgress {
  return {
    atMs: 4500,
    fraction: 0.45,
    timeLeftMs: 5500,
    vus: 10,
    maxVUs: 50,
    totals: { started: 130, sent: 123, ok: 120, errors: 3, dropped: 2, interrupted: 0, inFlight: 7 },
    points: {},
    linkLoad: {},
    thresholds: [],
    annotations: [],
    ...over,
  };
}

const failing = { metric: 'latency', source: 'p(95)<50', passed: false } as LoadProgress['thresholds'][number];
const holding = { metric: 'error_rate', source: 'rate<0.01', passed: true } as LoadProgress['thresholds'][number];

describe('load progress text', () => {
  it('draws a bar with the percentage, time run and left, and the live counts', () => {
    expect(formatProgressBar(progress(), 10)).toBe(
      '[====>     ]  45%  4.5s, 5.5s left  vus 10/50, sent 123, ok 120, errors 3, dropped 2, in flight 7',
    );
    expect(formatProgressBar(progress({ fraction: 0, atMs: 0, timeLeftMs: 10_000 }), 4)).toMatch(/^\[> {3}\] {3}0% {2}0s, 10s left/);
    expect(formatProgressBar(progress({ fraction: 1.2, timeLeftMs: -3 }), 4)).toMatch(/^\[====\] 100% {2}4\.5s, 0s left/);
  });

  it('writes a log line, with how many thresholds fail so far', () => {
    expect(formatProgressLine(progress({ thresholds: [failing, holding] }))).toBe(
      'load: 45% after 4.5s, 5.5s left; vus 10/50, sent 123, ok 120, errors 3, dropped 2, in flight 7, thresholds ✗ 1 of 2 failing',
    );
    expect(formatProgressLine(progress({ thresholds: [holding] }))).toMatch(/thresholds ✓$/);
  });
});

describe('load progress reporter', () => {
  function sink(tty: boolean, columns?: number) {
    let now = 0;
    const written: string[] = [];
    return {
      written,
      at: (ms: number) => (now = ms),
      sink: { tty, write: (t: string) => void written.push(t), now: () => now, ...(columns ? { columns } : {}) },
    };
  }

  it('on a terminal redraws one line in place, at most every 250 ms, and clears it at the end', () => {
    const s = sink(true);
    const r = createProgressReporter(s.sink);
    r.update(progress());
    s.at(TTY_REDRAW_MS - 1);
    r.update(progress());
    s.at(TTY_REDRAW_MS);
    r.update(progress({ fraction: 0.5 }));
    expect(s.written).toHaveLength(2);
    expect(s.written.every((t) => t.startsWith('\r\x1b[2K[') && !t.includes('\n'))).toBe(true);
    r.note('load: stopping');
    r.done();
    expect(s.written.slice(2)).toEqual(['\r\x1b[2Kload: stopping\n']);
  });

  it('cuts the bar to the terminal width so it never wraps', () => {
    const s = sink(true, 40);
    createProgressReporter(s.sink).update(progress());
    expect(s.written[0]!.replace('\r\x1b[2K', '')).toHaveLength(39);
  });

  it('in a log writes a whole line every 5 s', () => {
    const s = sink(false);
    const r = createProgressReporter(s.sink);
    for (let ms = 0; ms <= 12_000; ms += 500) {
      s.at(ms);
      r.update(progress({ atMs: ms }));
    }
    r.done();
    expect(s.written).toHaveLength(Math.floor(12_000 / LOG_LINE_MS) + 1);
    expect(s.written.every((t) => t.startsWith('load: ') && t.endsWith('\n'))).toBe(true);
  });

  it('writes nothing without a sink (--quiet, or an io without stderr progress)', () => {
    expect(() => createProgressReporter(undefined).update(progress())).not.toThrow();
  });
});
