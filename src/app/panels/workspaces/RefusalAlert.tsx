import { useSession, useWorkspaceSession } from '../../session/WorkspaceContext';
import { shownProblems } from './shownProblems';

/**
 * Why an import (or rename) was refused: each problem names its field, expected vs
 * received. At most 50 are listed, the rest counted, so a file with thousands of problems
 * is refused as fast as one with a single problem.
 */
export function RefusalAlert() {
  const session = useWorkspaceSession();
  const refusal = useSession((s) => s.refusal);
  if (!session || !refusal) return null;
  const { shown, more } = shownProblems(refusal.problems);
  return (
    <div role="alert" className="ws-refusal ws-refusal-floating">
      <div className="ws-refusal-head">
        <strong>{refusal.title}</strong>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Dismiss import error"
          onClick={() => session.dismissRefusal()}
        >
          ×
        </button>
      </div>
      <ul aria-label="Problems" tabIndex={0}>
        {shown.map((p, i) => (
          // Lines can repeat and never reorder: the index is a stable key.
          <li key={i}>{p}</li>
        ))}
        {more > 0 && <li className="muted">… and {more} more</li>}
      </ul>
      <p className="muted">The current workspace was not changed.</p>
    </div>
  );
}
