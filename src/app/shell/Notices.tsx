import { useWorkbench } from '../store/WorkbenchContext';

/** Errors from actions and the connection, each with its stable code. */
export function Notices() {
  const notices = useWorkbench((s) => s.notices);
  const dismiss = useWorkbench((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} role="alert" className="notice">
          <span className="notice-code mono">{n.code}</span>
          <span className="notice-text">{n.message}</span>
          <button type="button" className="btn btn-ghost btn-small" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
