/**
 * The log's window over its rows: which rows are in view, following the newest row while
 * the view is at the bottom, and the visible height from the layout engine.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { ROW_HEIGHT } from './LogRowView';

/** Within this many pixels of the bottom, the log follows new rows. */
const FOLLOW_SLACK = 40;
/** Rows rendered above and below the visible ones (keyboard focus, fast scrolling). */
const OVERSCAN = 6;
/** `top` while the log follows new rows. */
const FOLLOW = -1;

export function useLogWindow(active: boolean, length: number) {
  const scroller = useRef<HTMLDivElement>(null);
  /** First row in view, or FOLLOW (the view sticks to the newest row). */
  const [top, setTop] = useState(FOLLOW);
  const [viewHeight, setViewHeight] = useState(400);

  const inView = Math.ceil(viewHeight / ROW_HEIGHT);
  const first = Math.max(0, Math.min(top === FOLLOW ? length - inView : top, length - inView) - OVERSCAN);
  const last = Math.min(length, (top === FOLLOW ? length : top + inView) + OVERSCAN);

  const onScroll = () => {
    const el = scroller.current;
    if (!el || el.clientHeight === 0) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
    setTop(atBottom ? FOLLOW : Math.floor(el.scrollTop / ROW_HEIGHT));
  };

  // Following: keep the newest row in view (one layout per publish, only while shown).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (active && top === FOLLOW && el && length > 0) el.scrollTop = el.scrollHeight;
  }, [active, top, length, viewHeight]);

  // The visible height, from the layout engine (never measured during render).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (el.clientHeight > 0) setViewHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const h = entry?.contentRect.height ?? 0;
      if (h > 0) setViewHeight(h);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  return { scroller, onScroll, first, last };
}
