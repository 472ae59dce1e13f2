import { useSession, useWorkspaceSession } from '../../session/WorkspaceContext';

/** Why an import (or rename) was refused: each problem names its field, expected vs received. */
export function RefusalAlert() {
  const session = useWorkspaceSession();
  const refusal = useSession((s) => s.refusal);
  if (!session || !refusal) return null;
  return (
    <div role="alert" className="ws-refusal ws-refusal-floating">
      <div className="ws-refusal-head">
        <strong>{refusal.title}</strong>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Dismiss import error" onClick={() => session.dismissRefusal()}>
          ×
        </button>
      </div>
      <ul>
        {refusal.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="muted">The current workspace was not changed.</p>
    </div>
  );
}
