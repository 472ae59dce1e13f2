import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { KindInfo } from '../../hosts/types';
import { useActions } from '../actions/ActionsContext';
import { columnsFor, freePosition } from '../store/layout';
import type { XY } from '../store/types';
import { useWorkbench, useWorkbenchStore } from '../store/WorkbenchContext';
import { CANVAS_DROP_TARGET } from './Canvas';

/** Pixels the pointer must travel before a press on a palette item becomes a drag. */
const DRAG_THRESHOLD = 5;

interface DragState {
  kind: KindInfo;
  pointerId: number;
  startX: number;
  startY: number;
  dragging: boolean;
}

interface Ghost {
  label: string;
  x: number;
  y: number;
  overCanvas: boolean;
}

function canvasAt(x: number, y: number): boolean {
  const canvas = document.querySelector(`[data-drop-target="${CANVAS_DROP_TARGET}"]`);
  if (!canvas) return false;
  const r = canvas.getBoundingClientRect();
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}

/**
 * The agent kinds. Click (or Enter/Space) deploys at a free spot; pressing and dragging
 * onto the canvas deploys where the pointer is released. Pointer events rather than
 * HTML5 drag-and-drop: they work the same for mouse, pen and touch, and for test drivers.
 */
export function Palette() {
  const kinds = useWorkbench((s) => s.kinds);
  const connection = useWorkbench((s) => s.connection);
  const actions = useActions();
  const store = useWorkbenchStore();
  const flow = useReactFlow();
  const drag = useRef<DragState | null>(null);
  const suppressClick = useRef(false);
  const [ghost, setGhost] = useState<Ghost | null>(null);

  const onPointerDown = (kind: KindInfo) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    drag.current = { kind, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, dragging: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    if (!d.dragging && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_THRESHOLD) return;
    d.dragging = true;
    setGhost({ label: d.kind.label, x: e.clientX, y: e.clientY, overCanvas: canvasAt(e.clientX, e.clientY) });
  };

  const endDrag = (e: ReactPointerEvent<HTMLButtonElement>, drop: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    setGhost(null);
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d.dragging) return;
    // The click that follows a drag must not deploy a second agent.
    suppressClick.current = true;
    if (drop && canvasAt(e.clientX, e.clientY)) {
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the node on the pointer (nodes are ~180 × 90).
      void actions.run('agent.deploy', { kind: d.kind.kind, at: { x: at.x - 90, y: at.y - 40 } });
    }
  };

  const onClick = (kind: KindInfo) => () => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    // A free grid cell, with as many columns as the canvas shows at the current zoom.
    const canvas = document.querySelector(`[data-drop-target="${CANVAS_DROP_TARGET}"]`);
    const width = canvas ? canvas.getBoundingClientRect().width / flow.getZoom() : 0;
    const { positions, pending } = store.getState();
    const taken = [...Object.values(positions), ...Object.values(pending).filter((p): p is XY => p !== null)];
    const at = width > 0 ? freePosition(taken, columnsFor(width)) : undefined;
    void actions.run('agent.deploy', at ? { kind: kind.kind, at } : { kind: kind.kind });
  };

  return (
    <nav className="palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="panel-heading">
        Agents
      </h2>
      {connection.state === 'connecting' && <p className="muted pad">Loading agent kinds…</p>}
      {connection.state === 'ready' && kinds.length === 0 && (
        <p className="muted pad">No agent kinds are registered.</p>
      )}
      <ul className="palette-list">
        {kinds.map((kind) => (
          <li key={kind.kind}>
            <button
              type="button"
              className="palette-item"
              aria-label={kind.label}
              aria-describedby={`kind-desc-${kind.kind}`}
              title={`${kind.label}: click to deploy, or drag onto the canvas`}
              onPointerDown={onPointerDown(kind)}
              onPointerMove={onPointerMove}
              onPointerUp={(e) => endDrag(e, true)}
              onPointerCancel={(e) => endDrag(e, false)}
              onClick={onClick(kind)}
            >
              <span className="palette-item-label">{kind.label}</span>
              <span className="palette-item-desc" id={`kind-desc-${kind.kind}`}>
                {kind.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {ghost && (
        <div
          className={`drag-ghost${ghost.overCanvas ? ' over-canvas' : ''}`}
          style={{ transform: `translate(${ghost.x + 12}px, ${ghost.y + 12}px)` }}
          aria-hidden="true"
        >
          {ghost.label}
        </div>
      )}
    </nav>
  );
}
