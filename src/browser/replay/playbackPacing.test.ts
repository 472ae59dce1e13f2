import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastSeqAtOrBefore, planFrame, recordedTimeAt, type PlaybackAnchor } from './playbackPacing';

/** Non-decreasing event times, as a recording's are. */
const timesArb = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 200 }).map((gaps) => {
  let t = 0;
  return gaps.map((g) => (t += g));
});

describe('lastSeqAtOrBefore', () => {
  it('is the last index whose time has come (linear scan agrees)', () => {
    fc.assert(
      fc.property(timesArb, fc.integer({ min: -10, max: 120_000 }), (times, t) => {
        const expected = times.reduce((found, time, i) => (time <= t ? i : found), -1);
        expect(lastSeqAtOrBefore((s) => times[s]!, 0, times.length - 1, t)).toBe(expected);
      }),
    );
  });
});

describe('planFrame', () => {
  const times = [0, 10, 10, 20, 1000, 1001];
  const timeOf = (seq: number) => times[seq]!;
  const anchor = (speed: number): PlaybackAnchor => ({ wall: 0, t: 0, speed });

  it('delivers what recorded time has reached at the speed', () => {
    expect(planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(1), wallNow: 9 }).to).toBe(0);
    expect(planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(1), wallNow: 10 }).to).toBe(2);
    expect(planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(0.25), wallNow: 40 }).to).toBe(2);
    expect(planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(20), wallNow: 1 }).to).toBe(3);
    expect(planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(20), wallNow: 51 })).toMatchObject({ to: 5, ended: true });
  });

  it('caps a burst and re-anchors at the last event sent, so playback slows instead of skipping', () => {
    const plan = planFrame({ cursor: 0, last: 5, timeOf, anchor: anchor(1), wallNow: 500 }, { maxEvents: 2 });
    expect(plan).toEqual({ to: 2, anchor: { wall: 500, t: 10, speed: 1 }, ended: false });
  });

  it('cuts a long quiet spell to the idle limit', () => {
    const plan = planFrame({ cursor: 3, last: 5, timeOf, anchor: { wall: 0, t: 20, speed: 1 }, wallNow: 33 }, { maxIdleWallMs: 100 });
    expect(plan.to).toBe(3);
    // The next event (t = 1000) is now due 100 ms of wall time from now.
    expect(recordedTimeAt(plan.anchor, 133)).toBe(1000);
  });

  it('playing frame by frame delivers every event once, in order, never before its time', () => {
    fc.assert(
      fc.property(
        timesArb,
        fc.constantFrom(0.25, 0.5, 1, 2, 5, 10, 20),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (times, speed, frameMs, maxEvents) => {
          const timeOf = (s: number) => times[s]!;
          let a: PlaybackAnchor = { wall: 0, t: times[0]! - 1, speed };
          let cursor = -1;
          const delivered: number[] = [];
          for (let wall = frameMs, frames = 0; frames < 100_000; wall += frameMs, frames++) {
            const plan = planFrame(
              { cursor, last: times.length - 1, timeOf, anchor: a, wallNow: wall },
              { maxEvents, maxIdleWallMs: Infinity },
            );
            for (let s = cursor + 1; s <= plan.to; s++) {
              delivered.push(s);
              expect(times[s]! <= recordedTimeAt(a, wall)).toBe(true);
            }
            expect(plan.to - cursor).toBeLessThanOrEqual(maxEvents);
            cursor = plan.to;
            a = plan.anchor;
            if (plan.ended) break;
          }
          expect(delivered).toEqual(times.map((_, i) => i));
        },
      ),
    );
  });
});
