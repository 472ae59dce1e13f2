import { useRef, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { PANEL_BOUNDS, dragResize, keyResize, type PanelId } from '../store/panelLayout';
import { useWorkbench, useWorkbenchStore } from '../store/WorkbenchContext';

const NAMES: Record<PanelId, string> = { palette: 'Resize palette', inspector: 'Resize inspector', dock: 'Resize dock' };

function viewportFor(panel: PanelId): number {
  return panel === 'dock' ? window.innerHeight : window.innerWidth;
}

/**
 * A focusable window splitter (WAI-ARIA "separator"): drag it, or focus it and use the
 * arrow keys (Shift for big steps), Home and End. Its value is the panel's size in pixels.
 */
export function PanelSeparator({ panel }: { panel: PanelId }) {
  const store = useWorkbenchStore();
  const size = useWorkbench((s) => s.panels[panel]);
  const drag = useRef<{ pointerId: number; start: number; size: number } | null>(null);
  const vertical = panel !== 'dock';
  const { min, max } = PANEL_BOUNDS[panel];

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, start: vertical ? e.clientX : e.clientY, size };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const delta = (vertical ? e.clientX : e.clientY) - d.start;
    store.getState().setPanelSize(panel, dragResize(panel, d.size, delta, viewportFor(panel)));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = keyResize(panel, size, e.key, e.shiftKey, viewportFor(panel));
    if (next === null) return;
    e.preventDefault();
    store.getState().setPanelSize(panel, next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={NAMES[panel]}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`separator separator-${panel} separator-${vertical ? 'vertical' : 'horizontal'}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
