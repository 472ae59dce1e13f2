import { useEffect, useRef } from 'react';
import { useActions } from '../actions/ActionsContext';
import { useWorkbench } from '../store/WorkbenchContext';

/** Canvas gestures React Flow handles itself: listed so that the dialog is complete. */
const GESTURES: readonly [string, string][] = [
  ['Shift+Click', 'Add a node to the selection'],
  ['Shift+Drag', 'Select the nodes in a box'],
  ['Drag handle → handle', 'Link two nodes'],
  ['Tab / Enter', 'Move focus between nodes and links / select the focused one'],
  ['L (one node selected)', 'Link it to… (pick the other node by keyboard)'],
  ['Scroll / Drag canvas', 'Zoom / Pan'],
  ['Enter (in Search nodes)', 'Select and show the matches'],
  ['Arrow keys (on a separator)', 'Resize the panel (Shift: faster)'],
];

function Keys({ shortcut }: { shortcut: string }) {
  const parts = shortcut.split('+').filter(Boolean);
  return (
    <span className="keys">
      {parts.map((p, i) => (
        <kbd key={i}>{p}</kbd>
      ))}
    </span>
  );
}

/** Generated from the action registry: every action with a shortcut, plus canvas gestures. */
export function ShortcutsDialog() {
  const actions = useActions();
  const open = useWorkbench((s) => s.dialog === 'shortcuts');
  const close = useWorkbench((s) => s.closeDialog);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const bound = actions.all().filter((a) => a.shortcut);

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={close} onCancel={close}>
      <header className="dialog-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Close" onClick={close}>
          ✕
        </button>
      </header>
      {open && (
        <div className="shortcuts-body">
          <table className="shortcuts-table" aria-label="Actions">
            <tbody>
              {bound.map((a) => (
                <tr key={a.id}>
                  <td>{a.label}</td>
                  <td>
                    <Keys shortcut={a.shortcut!} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="sub-heading">On the canvas</h3>
          <table className="shortcuts-table" aria-label="Canvas gestures">
            <tbody>
              {GESTURES.map(([keys, what]) => (
                <tr key={keys}>
                  <td>{what}</td>
                  <td>
                    <span className="keys">
                      <kbd>{keys}</kbd>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {actions.clashes.length > 0 && (
            <p className="alert alert-error" role="note">
              Clashing shortcuts: {actions.clashes.map((c) => `${c.shortcut} (${c.actions.join(', ')})`).join('; ')}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
