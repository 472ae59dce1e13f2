/** Small labelled inputs for the lab's forms: every control carries its accessible name. */
import type { ReactNode } from 'react';

export function NumberField(props: {
  label: string;
  value: number;
  onChange(v: number): void;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  disabled?: boolean;
}) {
  const { label, value, onChange, min = 0, max, step = 1, unit, disabled } = props;
  return (
    <label className="lab-field">
      <span className="lab-label">{label}</span>
      <input
        type="number"
        className="lab-input lab-number"
        aria-label={label}
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v)) onChange(v);
        }}
      />
      {unit && <span className="lab-unit muted">{unit}</span>}
    </label>
  );
}

export function TextField(props: { label: string; value: string; onChange(v: string): void; placeholder?: string; wide?: boolean }) {
  return (
    <label className={`lab-field${props.wide ? ' lab-wide' : ''}`}>
      <span className="lab-label">{props.label}</span>
      <input
        type="text"
        className="lab-input"
        aria-label={props.label}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </label>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange(v: boolean): void; children?: ReactNode }) {
  return (
    <label className="lab-check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange(v: T): void;
}) {
  const options = props.options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <label className="lab-field">
      <span className="lab-label">{props.label}</span>
      <select
        className="lab-input"
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A set of checkboxes, one per name (targets: links and agents). */
export function NameChecks(props: {
  legend: string;
  names: readonly string[];
  chosen: readonly string[];
  onChange(v: string[]): void;
  empty?: string;
}) {
  const { legend, names, chosen, onChange } = props;
  return (
    <fieldset className="lab-names">
      <legend>{legend}</legend>
      {names.length === 0 && <span className="muted small">{props.empty ?? 'none'}</span>}
      {names.map((n) => (
        <label key={n} className="lab-check mono">
          <input
            type="checkbox"
            checked={chosen.includes(n)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, n] : chosen.filter((c) => c !== n))}
          />
          <span>{n}</span>
        </label>
      ))}
    </fieldset>
  );
}
