import { useEffect } from 'react';
import { useWorkbench } from '../../store/WorkbenchContext';

const SHOWN_MS = 10_000;

/** A success on the canvas (a component added): a polite status that goes by itself. */
export function CanvasNote() {
  const note = useWorkbench((s) => s.canvasNote);
  const clear = useWorkbench((s) => s.note);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => clear(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [note, clear]);
  return (
    <div className="canvas-note-region" role="status" aria-label="Canvas news">
      {note && (
        <p className="canvas-note">
          <span aria-hidden="true">✓</span> {note.text}
          <button type="button" className="btn btn-ghost btn-small" aria-label="Dismiss" onClick={() => clear(null)}>
            ✕
          </button>
        </p>
      )}
    </div>
  );
}
