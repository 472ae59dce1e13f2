import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlaybackMarker } from '../../../browser/replay/types';
import { formatOffset, fractionToSeq, placeMarkers, positionText, seqToFraction } from './timelineScale';

const marker = (seq: number, kind: PlaybackMarker['kind'] = 'crash'): PlaybackMarker => ({
  seq,
  t: seq,
  kind,
  subject: 'a',
  label: `${kind} at ${seq}`,
});

describe('timeline scale', () => {
  const range = { first: 10, last: 19 };

  it('puts the moment before the first event at 0 and the last event at 1', () => {
    expect(seqToFraction(9, range)).toBe(0);
    expect(seqToFraction(19, range)).toBe(1);
    expect(seqToFraction(14, range)).toBeCloseTo(0.5);
    expect(seqToFraction(-5, range)).toBe(0);
    expect(seqToFraction(500, range)).toBe(1);
  });

  it('maps a fraction back to the nearest event', () => {
    expect(fractionToSeq(0, range)).toBe(9);
    expect(fractionToSeq(1, range)).toBe(19);
    expect(fractionToSeq(0.52, range)).toBe(14);
    expect(fractionToSeq(2, range)).toBe(19);
  });

  it('round-trips every event of any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 5000 }), fc.nat(), (first, length, pick) => {
        const r = { first, last: first + length };
        const seq = first - 1 + (pick % (length + 2));
        expect(fractionToSeq(seqToFraction(seq, r), r)).toBe(seq);
      }),
    );
  });

  it('a recording without events is all at the end', () => {
    expect(seqToFraction(4, { first: 5, last: 4 })).toBe(1);
  });
});

describe('marker placement', () => {
  const range = { first: 0, last: 999 };

  it('places markers by their event, in order', () => {
    const placed = placeMarkers([marker(500, 'fault'), marker(0)], range);
    expect(placed.map((c) => c.percent)).toEqual([0.1, 50.1]);
    expect(placed.map((c) => c.kind)).toEqual(['crash', 'fault']);
  });

  it('merges markers too close to tell apart, coloured by the most serious', () => {
    const placed = placeMarkers(
      [marker(100, 'restart'), marker(101, 'crash'), marker(102, 'fault-cleared'), marker(300, 'restart')],
      range,
    );
    expect(placed).toHaveLength(2);
    expect(placed[0]!.markers.map((m) => m.seq)).toEqual([100, 101, 102]);
    expect(placed[0]!.kind).toBe('crash');
    expect(placed[1]!.kind).toBe('restart');
  });

  it('keeps every marker, and clusters never closer than the gap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 200 }), (seqs) => {
        const placed = placeMarkers(
          seqs.map((s) => marker(s)),
          range,
          1,
        );
        expect(placed.reduce((n, c) => n + c.markers.length, 0)).toBe(seqs.length);
        for (let i = 1; i < placed.length; i++) expect(placed[i]!.percent - placed[i - 1]!.percent).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('position text', () => {
  it('names the event, its place and the time since Record', () => {
    expect(positionText({ seq: 12, t: 2234, first: 10, last: 19 }, 1000)).toBe('Event 12 (3 of 10) · 0:01.234');
    expect(positionText({ seq: 9, t: 1000, first: 10, last: 19 }, 1000)).toBe('Start, before event 10 · 0:00.000');
  });

  it('formats minutes, seconds and milliseconds', () => {
    expect(formatOffset(61_005)).toBe('1:01.005');
    expect(formatOffset(-3)).toBe('0:00.000');
  });
});
