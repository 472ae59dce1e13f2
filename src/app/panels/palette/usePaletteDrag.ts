/**
 * Pressing and dragging a palette item onto the canvas (pointer events: the same for
 * mouse, pen, touch and test drivers). A press that does not travel is a click.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { XY } from '../../store/types';
import { CANVAS_DROP_TARGET } from '../canvas/Canvas';

/** Pixels the pointer must travel before a press on a palette item becomes a drag. */
const DRAG_THRESHOLD = 5;

/** Something the palette can put on the canvas: an agent kind, a topic or a client. */
export interface PaletteEntry {
  key: string;
  label: string;
  description: string;
  icon: string;
  /** Put it on the canvas at `at` (flow coordinates, top-left). */
  place(at: XY): void;
  /** Half the node's size, to centre it on the pointer. */
  half: XY;
}

interface DragState {
  entry: PaletteEntry;
  pointerId: number;
  startX: number;
  startY: number;
  dragging: boolean;
}

export interface Ghost {
  label: string;
  x: number;
  y: number;
  overCanvas: boolean;
}

export function canvasRect(): DOMRect | null {
  return document.querySelector(`[data-drop-target="${CANVAS_DROP_TARGET}"]`)?.getBoundingClientRect() ?? null;
}

function canvasAt(x: number, y: number): boolean {
  const r = canvasRect();
  return !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}

export function usePaletteDrag() {
  const flow = useReactFlow();
  const drag = useRef<DragState | null>(null);
  const suppressClick = useRef(false);
  const [ghost, setGhost] = useState<Ghost | null>(null);

  const onPointerDown = (entry: PaletteEntry) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    drag.current = { entry, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, dragging: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    if (!d.dragging && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_THRESHOLD) return;
    d.dragging = true;
    setGhost({ label: d.entry.label, x: e.clientX, y: e.clientY, overCanvas: canvasAt(e.clientX, e.clientY) });
  };

  const endDrag = (e: ReactPointerEvent<HTMLButtonElement>, drop: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    setGhost(null);
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d.dragging) return;
    // The click that follows a drag must not add a second node.
    suppressClick.current = true;
    if (drop && canvasAt(e.clientX, e.clientY)) {
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      d.entry.place({ x: at.x - d.entry.half.x, y: at.y - d.entry.half.y });
    }
  };

  /** True (once) when a click is the tail of a drag and must be ignored. */
  const swallowClick = () => {
    const swallow = suppressClick.current;
    suppressClick.current = false;
    return swallow;
  };

  const itemProps = (entry: PaletteEntry) => ({
    onPointerDown: onPointerDown(entry),
    onPointerMove,
    onPointerUp: (e: ReactPointerEvent<HTMLButtonElement>) => endDrag(e, true),
    onPointerCancel: (e: ReactPointerEvent<HTMLButtonElement>) => endDrag(e, false),
  });

  return { ghost, itemProps, swallowClick };
}
