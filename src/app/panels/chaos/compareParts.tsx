/** Small parts the Compare views share. */
/** A picker for side A or B. */
export function SidePicker<T extends { id: number }>({
  name,
  items,
  value,
  label,
  onChange,
}: {
  name: string;
  items: readonly T[];
  value: number;
  label(item: T): string;
  onChange(id: number): void;
}) {
  return (
    <label className="lab-field">
      <span className="lab-label">{name}</span>
      <select className="lab-input" aria-label={name} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {label(item)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Same or different log hash, as a status people and screen readers notice. */
export function HashVerdict({ same, text }: { same: boolean; text: string }) {
  return (
    <p className={`lab-match ${same ? 'lab-pass' : 'lab-fail'}`} role="status" aria-label="Hash comparison">
      {text}
    </p>
  );
}
