/** How far the run is, how long it has left, and what it has done so far. */
import { formatDuration } from '../../../experiments/load/summary/formatFigures';
import type { LoadProgress } from '../../../experiments/load/run/types';

export function LoadProgressBar({
  progress,
  running,
  simulated,
}: {
  progress: LoadProgress | undefined;
  running: boolean;
  simulated: boolean;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, progress?.fraction ?? 0)) * 100);
  const left = progress ? formatDuration(Math.max(0, Math.round(progress.timeLeftMs / 100) * 100)) : '–';
  const t = progress?.totals;
  return (
    <div className="load-progress">
      <div
        className="load-bar"
        role="progressbar"
        aria-label="Load progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={running ? `${percent} %, ${left} ${simulated ? 'of simulated time ' : ''}left` : `${percent} %`}
      >
        <div className="load-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="small load-progress-text">
        <span>{percent} %</span>
        {running && (
          <span>
            {' '}
            · {left} {simulated ? 'of simulated time ' : ''}left
          </span>
        )}
        {progress && (
          <span>
            {' '}
            · {formatDuration(progress.atMs)} {simulated ? 'simulated' : 'run time'} · {progress.vus}/{progress.maxVUs} VUs
          </span>
        )}
      </p>
      {t && (
        <p className="small muted">
          {t.sent} sent · {t.ok} ok · {t.errors} errors · {t.dropped} dropped · {t.inFlight} in flight
          {t.interrupted > 0 ? ` · ${t.interrupted} interrupted` : ''}
        </p>
      )}
    </div>
  );
}
