/**
 * The timeline's arithmetic (pure): where an event sits on the scrubber, where markers are
 * drawn (close ones merged so none hides another), and what the scrubber says.
 */
import type { PlaybackMarker, PlaybackPosition } from '../../../browser/replay/types';

/** The scrubber's range: `first − 1` is the moment Record was pressed (no event applied yet). */
export interface TimelineRange {
  first: number;
  last: number;
}

export function scrubberMin(range: TimelineRange): number {
  return range.first - 1;
}

/** Where `seq` sits on the scrubber, 0 (start) to 1 (last event), clamped. */
export function seqToFraction(seq: number, range: TimelineRange): number {
  const span = range.last - scrubberMin(range);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (seq - scrubberMin(range)) / span));
}

/** The event under a fraction of the scrubber's width (rounded to the nearest). */
export function fractionToSeq(fraction: number, range: TimelineRange): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(scrubberMin(range) + f * (range.last - scrubberMin(range)));
}

/** Markers at one place on the timeline (those closer than the minimum gap share it). */
export interface MarkerCluster {
  /** Percent of the track's width. */
  percent: number;
  markers: PlaybackMarker[];
  /** The most serious kind in the cluster (what its colour shows). */
  kind: PlaybackMarker['kind'];
}

const SEVERITY: Record<PlaybackMarker['kind'], number> = {
  crash: 6,
  failure: 5,
  escalation: 4,
  fault: 3,
  'dead-letter': 2,
  restart: 1,
  'fault-cleared': 0,
};

function worst(markers: readonly PlaybackMarker[]): PlaybackMarker['kind'] {
  return markers.reduce((a, m) => (SEVERITY[m.kind] > SEVERITY[a] ? m.kind : a), markers[0]!.kind);
}

/**
 * Markers as drawn: in seq order, each cluster at its first marker's place; a marker within
 * `minGapPercent` of the cluster's start joins it (1000 crashes in a burst stay one tick).
 */
export function placeMarkers(markers: readonly PlaybackMarker[], range: TimelineRange, minGapPercent = 0.75): MarkerCluster[] {
  const sorted = [...markers].sort((a, b) => a.seq - b.seq);
  const clusters: MarkerCluster[] = [];
  for (const marker of sorted) {
    const percent = seqToFraction(marker.seq, range) * 100;
    const last = clusters[clusters.length - 1];
    if (last && percent - last.percent < minGapPercent) last.markers.push(marker);
    else clusters.push({ percent, markers: [marker], kind: marker.kind });
  }
  for (const c of clusters) c.kind = worst(c.markers);
  return clusters;
}

/** `m:ss.mmm` of a span in milliseconds (negative spans clamp to 0). */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** What the scrubber announces: the event number, its place, and the time since Record. */
export function positionText(position: Pick<PlaybackPosition, 'seq' | 't' | 'first' | 'last'>, startT: number): string {
  const time = formatOffset(position.t - startT);
  if (position.seq < position.first) return `Start, before event ${position.first} · ${time}`;
  const count = position.last - position.first + 1;
  return `Event ${position.seq} (${position.seq - position.first + 1} of ${count}) · ${time}`;
}

/** Playback speeds as the speed menu shows them. */
export function speedLabel(speed: number): string {
  return `${speed}×`;
}
