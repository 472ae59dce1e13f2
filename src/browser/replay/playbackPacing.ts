/**
 * Playing a recording at a speed, as pure arithmetic: a playback clock maps wall time to
 * recorded time (speed × wall, re-anchored when the speed changes or a batch is capped), and
 * each frame (at most ~30 a second) delivers every event whose recorded time has come.
 */

/** Frames a second at most: the store publishes ~5/s, the canvas animates at ~30/s. */
export const PLAYBACK_FRAME_MS = Math.round(1000 / 30);
/**
 * At most this many events in one frame. A burst bigger than that (a load test at 20×) plays
 * slower than recorded rather than skipping: the clock is re-anchored at the last event sent.
 */
export const MAX_EVENTS_PER_FRAME = 5_000;

/**
 * A quiet spell longer than this (wall time, at the chosen speed) is cut to this: a live
 * recording's minutes of nobody typing would otherwise play as minutes of nothing.
 */
export const MAX_IDLE_WALL_MS = 2_000;

export interface PlaybackAnchor {
  /** Wall time (ms) the anchor was set at. */
  wall: number;
  /** Recorded time at that wall time. */
  t: number;
  speed: number;
}

/** The recorded time playback has reached at `wallNow`. */
export function recordedTimeAt(anchor: PlaybackAnchor, wallNow: number): number {
  return anchor.t + Math.max(0, wallNow - anchor.wall) * anchor.speed;
}

/**
 * The last seq in [from, last] whose time is ≤ `t` (binary search: times never decrease),
 * or `from - 1` when even `from` is later.
 */
export function lastSeqAtOrBefore(timeOf: (seq: number) => number, from: number, last: number, t: number): number {
  let lo = from;
  let hi = last;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(mid) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface FramePlan {
  /** Apply events up to this seq (== cursor: nothing this frame). */
  to: number;
  /** The anchor for the next frame (re-anchored when the frame was capped). */
  anchor: PlaybackAnchor;
  /** The recording's end was reached. */
  ended: boolean;
}

/** What one frame of playback delivers: events from `cursor + 1` whose time has come, capped. */
export function planFrame(
  input: { cursor: number; last: number; timeOf: (seq: number) => number; anchor: PlaybackAnchor; wallNow: number },
  limits: { maxEvents?: number; maxIdleWallMs?: number } = {},
): FramePlan {
  const { cursor, last, timeOf, anchor, wallNow } = input;
  const maxEvents = limits.maxEvents ?? MAX_EVENTS_PER_FRAME;
  const maxIdleWallMs = limits.maxIdleWallMs ?? MAX_IDLE_WALL_MS;
  if (cursor >= last) return { to: cursor, anchor, ended: true };
  const reached = recordedTimeAt(anchor, wallNow);
  const due = lastSeqAtOrBefore(timeOf, cursor + 1, last, reached);
  if (due < cursor + 1) {
    const next = timeOf(cursor + 1);
    if ((next - reached) / anchor.speed <= maxIdleWallMs) return { to: cursor, anchor, ended: false };
    return { to: cursor, anchor: { wall: wallNow, t: next - maxIdleWallMs * anchor.speed, speed: anchor.speed }, ended: false };
  }
  if (due - cursor <= maxEvents) return { to: due, anchor, ended: due >= last };
  const to = cursor + maxEvents;
  return { to, anchor: { wall: wallNow, t: timeOf(to), speed: anchor.speed }, ended: false };
}
