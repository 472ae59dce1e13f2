/** The timeline's markers as a list: each a button that jumps there. */
import type { PlaybackMarker } from '../../../browser/replay/types';
import { formatOffset } from './timelineScale';

const MAX_LISTED = 200;

export function MarkerList({
  markers,
  startT,
  current,
  onJump,
}: {
  markers: readonly PlaybackMarker[];
  startT: number;
  current: number;
  onJump(seq: number): void;
}) {
  if (markers.length === 0) return <p className="small muted">No crashes, restarts or faults in this recording.</p>;
  return (
    <details className="replay-markers">
      <summary>Markers ({markers.length})</summary>
      <ol aria-label="Markers">
        {markers.slice(0, MAX_LISTED).map((m, i) => (
          <li key={`${m.seq}-${i}`}>
            <button
              type="button"
              className={`replay-marker replay-marker-${m.kind}`}
              aria-current={m.seq === current ? 'true' : undefined}
              onClick={() => onJump(m.seq)}
            >
              <span className="mono muted">{formatOffset(m.t - startT)}</span> {m.label}
            </button>
          </li>
        ))}
        {markers.length > MAX_LISTED && <li className="muted">…and {markers.length - MAX_LISTED} more (use Next failure)</li>}
      </ol>
    </details>
  );
}
