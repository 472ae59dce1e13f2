import { ENVELOPE_FIELDS } from '../../../protocol/validate';
import type { LogRow } from '../../store/types';
import { useWorkbench } from '../../store/WorkbenchContext';
import { MessageContractSection } from '../contracts/MessageContractSection';

/** The routed envelope's fields but the content (shown below them): the protocol's list, plus what the kernel adds. */
const ENVELOPE_KEYS = ['id', ...ENVELOPE_FIELDS.filter((k) => k !== 'content'), 'sent_at'] as const;

/** The full envelope of the message picked in the log or the sequence diagram. */
export function MessageInspector({ row }: { row: LogRow }) {
  const close = useWorkbench((s) => s.showMessage);
  const m = row.message as Record<string, unknown> | undefined;
  return (
    <div className="inspector-body" role="region" aria-label={`Inspector for message ${row.key}`}>
      <div className="inspector-title">
        <span className="inspector-name">
          <span className={`perf perf-${row.performative}`}>{row.performative}</span> {row.key}
        </span>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Close message" onClick={() => close(null)}>
          ✕
        </button>
      </div>
      <p className={`small outcome outcome-${row.outcome}`}>
        {row.outcome}
        {row.reason ? `: ${row.reason}` : ''}
      </p>
      {m ? (
        <>
          <dl className="props" aria-label="Envelope">
            {ENVELOPE_KEYS.filter((k) => m[k] !== undefined).map((k) => (
              <div key={k} className="props-pair">
                <dt>{k}</dt>
                <dd className="mono">{Array.isArray(m[k]) ? (m[k] as unknown[]).join(', ') : String(m[k])}</dd>
              </div>
            ))}
          </dl>
          <h3 className="sub-heading">Content</h3>
          <pre className="config mono">{JSON.stringify(m['content'] ?? null, null, 2)}</pre>
          <MessageContractSection messageId={row.key} />
          <h3 className="sub-heading">Envelope (JSON)</h3>
          <pre className="config mono">{JSON.stringify(m, null, 2)}</pre>
        </>
      ) : (
        <p className="muted small">{row.reason ?? 'This input never became a message.'}</p>
      )}
    </div>
  );
}
