import { useWorkbench } from '../../store/WorkbenchContext';
import { startingProgress } from './previewFlow';

/** While a saved workspace is drawn but not yet deployed: how far its agents have started. */
export function StartingAgents() {
  // Two numbers, not one object: a fresh object per read would re-render forever.
  const running = useWorkbench((s) => (s.preview ? startingProgress(s.preview, s).running : -1));
  const total = useWorkbench((s) => (s.preview ? startingProgress(s.preview, s).total : -1));
  if (running < 0 || total < 0) return null;
  return (
    <p className="canvas-starting" role="status" aria-label="Starting agents">
      <span className="canvas-starting-spinner" aria-hidden="true" />
      Starting agents… {total > 0 ? `${running} of ${total} running` : 'opening the saved workspace'}
    </p>
  );
}
