import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { useWorkbench, useWorkbenchStore, useWorkbenchWhile, useWorkbenchWith } from '../../store/WorkbenchContext';
import { usePanelActive } from '../../shell/usePanelActive';
import { laneNames, layoutSequence, sniffedSteps, LANE_WIDTH, STEP_HEIGHT, type Arrow } from './layoutSequence';

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2] as const;
const HEADER_H = 30;
const OVERSCAN = 10;
/** Room above the first arrow for its label. */
const TOP = 26;

function ArrowView({ a, zoom, open, onOpen }: { a: Arrow; zoom: number; open: boolean; onOpen(key: string): void }) {
  const y = a.y;
  const colour = a.failed ? 'seq-failed' : a.style.colour >= 0 ? `seq-c${a.style.colour}` : 'seq-plain';
  const dash = a.failed ? '5 3' : a.style.dash;
  const label = a.style.label ? `${a.performative} · ${a.style.label}` : a.performative;
  const dir = a.x2 >= a.x1 ? 1 : -1;
  const head = 7 / zoom;
  let path: string;
  let tip: [number, number];
  let lx: number;
  if (a.self) {
    const w = 26 / zoom;
    const h = 12 / zoom;
    path = `M${a.x1},${y - h / 2} h${w} v${h} h${-w}`;
    tip = [a.x1, y + h / 2];
    lx = a.x1 + w + 4 / zoom;
  } else {
    path = `M${a.x1},${y} L${a.x2 - dir * head},${y}`;
    tip = [a.x2, y];
    lx = (a.x1 + a.x2) / 2;
  }
  const headDir = a.self ? -1 : dir;
  const points = `${tip[0]},${tip[1]} ${tip[0] - headDir * head},${tip[1] - head / 2} ${tip[0] - headDir * head},${tip[1] + head / 2}`;
  return (
    <g
      className={`seq-arrow ${colour}${open ? ' is-open' : ''}`}
      role="img"
      aria-label={a.title}
      onClick={() => onOpen(a.rowKey)}
    >
      <title>{a.title}</title>
      <path d={path} className="seq-line" strokeDasharray={dash || undefined} vectorEffect="non-scaling-stroke" />
      <polygon points={points} className="seq-head" />
      {a.failed && (
        <text x={tip[0] + (a.self ? -10 : dir * 4) / zoom} y={y + 4 / zoom} className="seq-cross" fontSize={13 / zoom} textAnchor={dir > 0 ? 'start' : 'end'}>
          ✕
        </text>
      )}
      <text x={lx} y={y - 4 / zoom} className="seq-label" fontSize={11 / zoom} textAnchor={a.self ? 'start' : 'middle'}>
        {a.failed ? `${label} ✕ ${(a.reason ?? 'failed').split(':')[0]}` : label}
      </text>
      {/* A wide transparent hit area: thin lines are hard to click. */}
      <path d={path} className="seq-hit" vectorEffect="non-scaling-stroke" />
    </g>
  );
}

/** The JADE Sniffer view of the log: lanes per party, one arrow per message, windowed. */
export function SequenceDiagram() {
  const active = usePanelActive();
  const store = useWorkbenchStore();
  // The rows change in place: their version re-renders the diagram, and only while shown.
  const version = useWorkbenchWhile(active, (s) => s.logVersion);
  const rows = store.getState().rows;
  const agents = useWorkbenchWith((s) => s.agentOrder, shallow);
  const unsniffed = useWorkbench((s) => s.unsniffed);
  const setSniffed = useWorkbench((s) => s.setSniffed);
  const detailKey = useWorkbench((s) => s.detailKey);
  const showMessage = useWorkbench((s) => s.showMessage);
  const [zoomIndex, setZoomIndex] = useState(ZOOMS.indexOf(1));
  const zoom = ZOOMS[zoomIndex]!;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 400 });
  const follow = useRef(true);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  const hidden = useMemo(() => new Set(unsniffed), [unsniffed]);
  // `version` stands for the rows' content (the array itself stays the same).
  const allNames = useMemo(() => laneNames(rows, agents), [version, rows, agents]);
  const steps = useMemo(() => sniffedSteps(rows, hidden), [version, rows, hidden]);
  const stepH = STEP_HEIGHT * zoom;
  const first = Math.max(0, Math.floor((viewport.top - HEADER_H - TOP * zoom) / stepH) - OVERSCAN);
  const count = Math.ceil(viewport.height / stepH) + OVERSCAN * 2;
  const layout = useMemo(
    () => layoutSequence(rows, { agents, hidden, start: first, count, top: TOP }, { names: allNames, steps }),
    [rows, agents, hidden, first, count, allNames, steps],
  );

  const width = layout.width * zoom;
  const height = layout.height * zoom;

  // Follow the newest message while the view is at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [height]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => setViewport({ top: el.scrollTop, height: el.clientHeight || 400 });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    setViewport({ top: el.scrollTop, height: el.clientHeight || 400 });
  };

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

  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!e.ctrlKey && !e.metaKey) return; // plain wheel scrolls (pans)
    e.preventDefault();
    setZoom(zoomIndex + (e.deltaY < 0 ? 1 : -1));
  };

  // Drag on the background pans.
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (!el || e.button !== 0 || (e.target as Element).closest('.seq-arrow')) return;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
    el.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const el = scroller.current;
    const d = drag.current;
    if (!el || !d) return;
    d.moved = true;
    el.scrollLeft = d.left - (e.clientX - d.x);
    el.scrollTop = d.top - (e.clientY - d.y);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    scroller.current?.releasePointerCapture?.(e.pointerId);
  };

  return (
    <div className="sequence">
      <div className="sequence-toolbar" role="toolbar" aria-label="Sequence controls">
        <button type="button" className="btn btn-small" onClick={() => setZoom(zoomIndex - 1)} disabled={zoomIndex === 0} aria-label="Zoom out">
          −
        </button>
        <span className="sequence-zoom mono" aria-label="Zoom level">
          {Math.round(zoom * 100)}%
        </span>
        <button type="button" className="btn btn-small" onClick={() => setZoom(zoomIndex + 1)} disabled={zoomIndex === ZOOMS.length - 1} aria-label="Zoom in">
          +
        </button>
        <span className="muted small sequence-count">
          {layout.steps.toLocaleString()} messages · Ctrl+wheel zooms, drag pans
        </span>
        <fieldset className="sniffed">
          <legend className="sniffed-legend">Sniffed agents</legend>
          <div className="sniffed-list">
            {allNames.map((name) => (
              <label key={name} className="sniffed-item">
                <input type="checkbox" checked={!hidden.has(name)} onChange={(e) => setSniffed(name, e.target.checked)} />
                <span className="mono">{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div
        className="sequence-scroll"
        ref={scroller}
        role="region"
        aria-label="Sequence diagram"
        tabIndex={0}
        data-zoom={zoom}
        onScroll={onScroll}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <div className="sequence-canvas" style={{ width, height: height + HEADER_H }}>
          <ul className="sequence-lanes" aria-label="Lanes" style={{ width }}>
            {layout.lanes.map((lane) => (
              <li
                key={lane.name}
                className={`sequence-lane lane-${lane.kind}`}
                style={{ left: lane.x * zoom - (LANE_WIDTH * zoom) / 2, width: LANE_WIDTH * zoom }}
                title={lane.name}
              >
                {lane.name}
              </li>
            ))}
          </ul>
          <svg
            className="sequence-svg"
            width={width}
            height={height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={{ top: HEADER_H }}
            aria-hidden={layout.arrows.length === 0 ? true : undefined}
          >
            {layout.lanes.map((lane) => (
              <line key={lane.name} x1={lane.x} x2={lane.x} y1={0} y2={layout.height} className={`seq-lifeline lane-${lane.kind}`} vectorEffect="non-scaling-stroke" />
            ))}
            {layout.arrows.map((a) => (
              <ArrowView key={a.key} a={a} zoom={zoom} open={a.rowKey === detailKey} onOpen={showMessage} />
            ))}
          </svg>
          {layout.steps === 0 && <p className="muted pad sequence-empty">No messages between the sniffed agents yet.</p>}
        </div>
      </div>
    </div>
  );
}
