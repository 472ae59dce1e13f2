/** Play/pause, one event back or forward, and the speed. */
import { PLAYBACK_SPEEDS, type PlaybackPosition, type PlaybackSpeed } from '../../../browser/replay/types';
import type { PlaybackControls } from './playbackSession';
import { speedLabel } from './timelineScale';

export function Transport({ position, controls }: { position: PlaybackPosition; controls: PlaybackControls }) {
  const atStart = position.seq < position.first;
  const atEnd = position.seq >= position.last;
  return (
    <div className="replay-transport" role="group" aria-label="Playback controls">
      <button
        type="button"
        className="btn btn-small"
        aria-label="Step back one event"
        disabled={atStart}
        onClick={() => void controls.step(-1)}
      >
        ◂ Back
      </button>
      {position.playing ? (
        <button type="button" className="btn btn-small btn-primary" aria-label="Pause" onClick={() => void controls.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="btn btn-small btn-primary" aria-label="Play" onClick={() => void controls.play()}>
          ▶ Play
        </button>
      )}
      <button
        type="button"
        className="btn btn-small"
        aria-label="Step forward one event"
        disabled={atEnd}
        onClick={() => void controls.step(1)}
      >
        Forward ▸
      </button>
      <select
        className="lab-input"
        aria-label="Playback speed"
        value={String(position.speed)}
        onChange={(e) => void controls.setSpeed(Number(e.currentTarget.value) as PlaybackSpeed)}
      >
        {PLAYBACK_SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
