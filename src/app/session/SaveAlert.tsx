import { useState } from 'react';
import type { ErrorCode } from '../../protocol/errors';
import { errorText } from '../errors';
import { useSession, useWorkspaceSession } from './WorkspaceContext';
import { downloadJson } from '../ui/download';

/**
 * A save that failed: the changes are kept (still unsaved) and retried; a full storage
 * quota says so and offers to export the workspace to a file, so nothing is lost.
 */
export function SaveAlert() {
  const session = useWorkspaceSession();
  const problem = useSession((s) => s.saveProblem);
  const [exportError, setExportError] = useState<string | null>(null);
  if (!session || !problem) return null;
  const quota = problem.kind === 'quota';
  const code: ErrorCode = quota ? 'ORR415' : 'ORR414';
  const exportNow = () => {
    session
      .exportCurrent()
      .then(({ fileName, text }) => downloadJson(fileName, text))
      .catch((error: unknown) => setExportError(errorText(error)));
  };
  return (
    <div role="alert" className="ws-refusal ws-refusal-floating ws-save-alert" aria-label="Workspace not saved">
      <div className="ws-refusal-head">
        {/* The code, so people can look the error up in docs/errors.md. */}
        <strong>
          <span className="notice-code mono">{code}</span>{' '}
          {quota ? 'Storage is full: the workspace is not saved' : 'The workspace could not be saved'}
        </strong>
      </div>
      <p>
        {quota
          ? 'The browser refused more data for this site. Your changes are kept in this tab; export them to a file, or free space (delete other workspaces or site data).'
          : `The last save failed (${problem.message}). Your changes are kept in this tab.`}{' '}
        Retrying in {Math.round(problem.retryInMs / 1000)} s (attempt {problem.attempt}).
      </p>
      {exportError && <p className="muted">Export failed: {exportError}</p>}
      <button type="button" className="btn btn-primary btn-small" onClick={exportNow}>
        Export workspace
      </button>
    </div>
  );
}
