import { useWorkbench } from '../store/WorkbenchContext';
import type { DockPanel } from './dockPanels';
import { openLabWindow } from './labWindow';

/** Maximise the dock (a lab at full width), and open a lab in a window of its own. */
export function DockControls({ panel }: { panel: DockPanel | undefined }) {
  const maximised = useWorkbench((s) => s.dockMaximised);
  const setMaximised = useWorkbench((s) => s.setDockMaximised);
  return (
    <div className="dock-controls">
      {panel?.lab && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={`Open ${panel.label} in a new window`}
          title={`Open the ${panel.label} lab in a window of its own`}
          onClick={() => openLabWindow(panel.id)}
        >
          <span aria-hidden="true">⧉</span> New window
        </button>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-label="Maximise dock"
        aria-pressed={maximised}
        title={maximised ? 'Restore the canvas and panels' : 'Give the dock the whole window'}
        onClick={() => setMaximised(!maximised)}
      >
        <span aria-hidden="true">{maximised ? '▭' : '⬒'}</span> {maximised ? 'Restore' : 'Maximise'}
      </button>
    </div>
  );
}
