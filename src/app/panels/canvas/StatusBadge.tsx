import type { AgentStatus } from '../../../kernel/types';

/** A glyph per status so that status never depends on colour alone. */
const GLYPH: Record<AgentStatus, string> = {
  loading: '◌',
  running: '●',
  suspended: '❚❚',
  restarting: '↻',
  stopping: '◐',
  stopped: '■',
  failed: '✕',
};

export function StatusBadge({ status }: { status: AgentStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span className="status-glyph" aria-hidden="true">
        {GLYPH[status]}
      </span>
      <span className="status-text">{status}</span>
    </span>
  );
}
