/** A run's timeline: a strip of marks over time, and the same entries as a text list. */
import type { TimelineEntry } from '../../../experiments/chaos/result';

const SHOWN = 400;

const tone = (e: TimelineEntry): string => {
  if (e.kind === 'probe') return e.pass ? 'ok' : 'bad';
  if (e.kind === 'fault.injected' || e.kind === 'chaos.applied') return 'fault';
  if (e.kind === 'fault.cleared' || e.kind === 'agent.restarted') return 'heal';
  if (e.kind === 'agent.crashed' || e.kind === 'agent.failed' || e.kind === 'group.escalated' || e.kind === 'error') return 'bad';
  return 'plain';
};

export const relative = (t: number, t0: number) => `${t - t0 >= 0 ? '+' : '−'}${(Math.abs(t - t0) / 1000).toFixed(2)} s`;

export function Timeline({ entries, t0, end }: { entries: readonly TimelineEntry[]; t0: number; end: number }) {
  const span = Math.max(1, end - t0);
  const shown = entries.slice(0, SHOWN);
  return (
    <div className="lab-timeline">
      <svg className="lab-strip" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true">
        {entries.map((e, i) => (
          <rect
            key={i}
            className={`lab-mark lab-${tone(e)}`}
            x={Math.min(999, Math.max(0, ((e.t - t0) / span) * 1000))}
            y={e.kind === 'probe' ? 9 : 1}
            width={2}
            height={6}
          />
        ))}
      </svg>
      <ol className="lab-events" aria-label="Timeline">
        {shown.map((e, i) => (
          <li key={i} className={`lab-event lab-${tone(e)}`}>
            <span className="mono lab-event-t">{relative(e.t, t0)}</span>
            <span className="lab-event-kind small">{e.kind}</span>
            <span className="lab-event-label">{e.label}</span>
          </li>
        ))}
        {entries.length > SHOWN && <li className="muted small">… {entries.length - SHOWN} more entries</li>}
      </ol>
    </div>
  );
}
