import type { DraftFormat } from './draftFormat';
import { FormatSwitch } from './FormatSwitch';
import { ReplyView } from './ReplyView';
import { TEMPLATES } from './templates';
import type { useComposerSend } from './useComposerSend';

interface Props {
  sending: ReturnType<typeof useComposerSend>;
  /** The editor's form: a reply is shown in it too. */
  format: DraftFormat;
  onFormat(next: DraftFormat): void;
  onTemplate(id: string): void;
}

/** The message format, templates, the two send buttons, the timeout and what happened to the last message. */
export function ComposerSide({ sending, format, onFormat, onTemplate }: Props) {
  const { busy, send, sendAndWait, timeoutMs, setTimeoutMs, result } = sending;
  return (
    <div className="composer-side">
      <FormatSwitch format={format} onChange={onFormat} />
      <label className="field">
        <span className="field-label">Templates</span>
        <select className="input" aria-label="Templates" value="" onChange={(e) => onTemplate(e.target.value)}>
          <option value="" disabled>
            Insert a template…
          </option>
          {(['Performatives', 'Patterns'] as const).map((group) => (
            <optgroup key={group} label={group}>
              {TEMPLATES.filter((t) => t.group === group).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="composer-buttons">
        <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={busy}>
          Send
        </button>
        <button type="button" className="btn" onClick={() => void sendAndWait()} disabled={busy}>
          Send and wait
        </button>
      </div>
      <label className="field field-inline">
        <span className="field-label">Timeout (ms)</span>
        <input
          className="input input-number"
          type="number"
          min={1}
          step={500}
          value={timeoutMs}
          onChange={(e) => setTimeoutMs(e.target.value)}
        />
      </label>
      <p className="muted small">
        Sent as <span className="mono">you</span>, which reaches every agent without links. Ctrl+Enter sends.
      </p>
      <ReplyView result={result} format={format} />
    </div>
  );
}
