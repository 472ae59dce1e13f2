/**
 * The sequence diagram's viewport: scroll position and size (for windowed layout), zoom
 * that keeps the top step in place, follow-the-newest while at the bottom, and drag to pan.
 */
import { useCallback, useLayoutEffect, useRef, useState, type PointerEvent, type WheelEvent } from 'react';

export const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2] as const;

export function useSequenceView() {
  const [zoomIndex, setZoomIndex] = useState(ZOOMS.indexOf(1));
  const zoom = ZOOMS[zoomIndex]!;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 400 });
  const follow = useRef(true);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => setViewport({ top: el.scrollTop, height: el.clientHeight || 400 });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const setZoom = (next: number) => {
    const el = scroller.current;
    const clamped = Math.max(0, Math.min(ZOOMS.length - 1, next));
    if (clamped === zoomIndex) return;
    // Keep the step at the top of the view where it was.
    if (el) {
      const ratio = ZOOMS[clamped]! / zoom;
      requestAnimationFrame(() => {
        el.scrollTop = el.scrollTop * ratio;
        el.scrollLeft = el.scrollLeft * ratio;
      });
    }
    setZoomIndex(clamped);
  };

  const handlers = {
    onScroll: () => {
      const el = scroller.current;
      if (!el) return;
      follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      setViewport({ top: el.scrollTop, height: el.clientHeight || 400 });
    },
    onWheel: (e: WheelEvent<HTMLDivElement>) => {
      if (!e.ctrlKey && !e.metaKey) return; // plain wheel scrolls (pans)
      e.preventDefault();
      setZoom(zoomIndex + (e.deltaY < 0 ? 1 : -1));
    },
    // Drag on the background pans.
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      const el = scroller.current;
      if (!el || e.button !== 0 || (e.target as Element).closest('.seq-arrow')) return;
      drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
      el.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const el = scroller.current;
      const d = drag.current;
      if (!el || !d) return;
      d.moved = true;
      el.scrollLeft = d.left - (e.clientX - d.x);
      el.scrollTop = d.top - (e.clientY - d.y);
    },
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
      drag.current = null;
      scroller.current?.releasePointerCapture?.(e.pointerId);
    },
  };
  /** Scroll to the newest message if the view is at the bottom (call when the content grows). */
  const followNewest = useCallback(() => {
    const el = scroller.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, []);
  return { zoom, zoomIndex, setZoom, viewport, scroller, followNewest, handlers: { ...handlers, onPointerCancel: handlers.onPointerUp } };
}
