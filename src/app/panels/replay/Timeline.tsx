/** The scrubber: one step per event, markers drawn on its track, the position said in words. */
import { useMemo, useState } from 'react';
import type { PlaybackMarker, PlaybackPosition } from '../../../browser/replay/types';
import { placeMarkers, positionText, scrubberMin, seqToFraction } from './timelineScale';
import { useLatestSeek } from './useLatestSeek';

export function Timeline(props: {
  position: PlaybackPosition;
  markers: readonly PlaybackMarker[];
  startT: number;
  onSeek(seq: number): Promise<void>;
}) {
  const { position, markers, startT } = props;
  const range = { first: position.first, last: position.last };
  const clusters = useMemo(
    () => placeMarkers(markers, { first: position.first, last: position.last }),
    [markers, position.first, position.last],
  );
  const [dragging, setDragging] = useState<number | null>(null);
  const seek = useLatestSeek(props.onSeek);
  const value = dragging ?? position.seq;
  const fill = seqToFraction(value, range) * 100;
  return (
    <div className="replay-timeline">
      <div className="replay-track" aria-hidden="true">
        <div className="replay-track-fill" style={{ width: `${fill}%` }} />
        {clusters.map((c) => (
          <span
            key={c.markers[0]!.seq}
            className={`replay-tick replay-tick-${c.kind}`}
            style={{ left: `${c.percent}%` }}
            title={c.markers.map((m) => m.label).join('\n')}
          />
        ))}
      </div>
      <input
        type="range"
        className="replay-scrubber"
        aria-label="Timeline"
        aria-valuetext={positionText({ ...position, seq: value }, startT)}
        min={scrubberMin(range)}
        max={position.last}
        step={1}
        value={value}
        onChange={(e) => {
          const seq = e.currentTarget.valueAsNumber;
          setDragging(seq);
          seek(seq);
        }}
        onPointerUp={() => setDragging(null)}
        onBlur={() => setDragging(null)}
        onKeyUp={() => setDragging(null)}
      />
      <span className="replay-position mono small" aria-hidden="true">
        {positionText(position, startT)}
      </span>
    </div>
  );
}
