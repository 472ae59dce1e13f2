import { FORMAT_LABEL, type DraftFormat } from './draftFormat';
import './composer.css';

const FORMATS: readonly DraftFormat[] = ['json', 'fipa'];

/** "Message format": JSON or the FIPA-ACL string form; switching converts the draft. */
export function FormatSwitch({ format, onChange }: { format: DraftFormat; onChange(next: DraftFormat): void }) {
  return (
    <div className="composer-format" role="radiogroup" aria-label="Message format">
      <span className="field-label" aria-hidden="true">
        Message format
      </span>
      {FORMATS.map((f) => (
        <label key={f} className="composer-format-option">
          <input type="radio" name="composer-format" value={f} checked={format === f} onChange={() => onChange(f)} />
          {FORMAT_LABEL[f]}
        </label>
      ))}
    </div>
  );
}
