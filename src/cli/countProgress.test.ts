import { describe, expect, it } from 'vitest';
import { createCountProgress, formatCountBar } from './countProgress';
import { LOG_LINE_MS, type ProgressSink } from './loadProgress';

function sink(tty: boolean) {
  let now = 0;
  const written: string[] = [];
  const s: ProgressSink = { tty, write: (t) => void written.push(t), now: () => now };
  return { s, written, advance: (ms: number) => (now += ms) };
}

describe('progress of a swarm or a run (steps done of total)', () => {
  it('draws a bar that fills with the steps done', () => {
    expect(formatCountBar(0, 4, 'seeds')).toBe(`[>${' '.repeat(23)}] 0/4 seeds`);
    expect(formatCountBar(2, 4, 'seeds', '1 failed')).toBe(`[${'='.repeat(12)}>${' '.repeat(11)}] 2/4 seeds  1 failed`);
    expect(formatCountBar(4, 4, 'cases')).toBe(`[${'='.repeat(24)}] 4/4 cases`);
  });

  it('redraws in place on a terminal and clears the bar when done', () => {
    const { s, written, advance } = sink(true);
    const p = createCountProgress(s, 'seeds', 'swarm');
    p.update(1, 3);
    advance(1000);
    p.update(2, 3);
    p.done();
    expect(written).toHaveLength(3);
    expect(written[0]!.startsWith('\r\x1b[2K[')).toBe(true);
    expect(written[0]).toMatch(/\] 1\/3 seeds$/);
    expect(written[2]).toBe('\r\x1b[2K');
  });

  it('writes a line at most every 5 s in a log, and always the last step', () => {
    const { s, written, advance } = sink(false);
    const p = createCountProgress(s, 'cases', 'run');
    p.update(0, 3, 'load: a');
    p.update(1, 3, 'load: b');
    advance(LOG_LINE_MS);
    p.update(2, 3, 'load: c');
    p.update(3, 3);
    p.done();
    expect(written).toEqual(['run: 0/3 cases; load: a\n', 'run: 2/3 cases; load: c\n', 'run: 3/3 cases\n']);
  });

  it('says nothing without a sink (--quiet)', () => {
    const p = createCountProgress(undefined, 'seeds', 'swarm');
    expect(() => (p.update(1, 2), p.done())).not.toThrow();
  });
});
