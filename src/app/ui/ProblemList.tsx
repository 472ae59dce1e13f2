/** Why a file was refused: the coded summary (`ORR302: …`, in docs/errors.md), each problem with its field path, the hint. */
export interface Refusal {
  summary: string;
  problems: readonly string[];
  hint?: string;
}

/** `quiet`: listed as you type, not announced (an alert is for what an action refused). */
export function ProblemList({ refusal, label, quiet = false }: { refusal: Refusal; label: string; quiet?: boolean }) {
  return (
    <div role={quiet ? undefined : 'alert'}>
      <p className="lab-errors">{refusal.summary}</p>
      {refusal.problems.length > 0 && (
        <ul className="lab-errors" aria-label={label}>
          {refusal.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {refusal.hint && <p className="muted small">{refusal.hint}</p>}
    </div>
  );
}
