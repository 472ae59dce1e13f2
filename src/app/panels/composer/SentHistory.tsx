import { useWorkbench } from '../../store/WorkbenchContext';
import type { ComposerHistoryEntry } from './composerSlice';

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "Sent messages": resend one as it was, or load it back into the editor. */
export function SentHistory({
  onResend,
  onLoad,
}: {
  onResend(entry: ComposerHistoryEntry): void;
  onLoad(entry: ComposerHistoryEntry): void;
}) {
  const history = useWorkbench((s) => s.composerHistory);
  const clear = useWorkbench((s) => s.clearComposerHistory);
  return (
    <section className="composer-history" aria-labelledby="composer-history-heading">
      <div className="composer-history-head">
        <h3 id="composer-history-heading" className="sub-heading">
          Sent messages
        </h3>
        {history.length > 0 && (
          <button type="button" className="btn btn-ghost btn-small" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      {history.length === 0 ? (
        <p className="muted small">Messages you send appear here.</p>
      ) : (
        <ul className="composer-history-list" aria-label="Sent messages">
          {history.map((entry) => (
            <li key={entry.id} className="composer-history-item">
              <div className="composer-history-text" title={entry.text}>
                <span className={`perf perf-${entry.performative}`}>{entry.performative}</span>
                <span className="muted"> → </span>
                <span className="mono">{entry.receiver}</span>
                <span className="muted small">
                  {' '}
                  {clock(entry.sentAt)}
                  {entry.mode === 'request' ? ' · waited' : ''}
                </span>
              </div>
              <div className="composer-history-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onResend(entry)}
                  title={`Resend ${entry.performative} to ${entry.receiver}`}
                >
                  Resend
                </button>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => onLoad(entry)} title="Load into the editor">
                  Edit
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
