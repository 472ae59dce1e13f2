import { useLayoutEffect, useMemo } from 'react';
import { useWorkbench, useWorkbenchStore, useWorkbenchWhile } from '../../store/WorkbenchContext';
import { usePanelActive } from '../../shell/usePanelActive';
import { ArrowView } from './ArrowView';
import { JadeExportControls } from './JadeExportControls';
import { laneNames, layoutSequence, sniffedSteps, LANE_WIDTH, STEP_HEIGHT, type SequenceLayout } from './layoutSequence';
import { useSequenceView, ZOOMS } from './useSequenceView';
import { useMessageInterest } from '../../store/useMessageInterest';
const HEADER_H = 30;
const OVERSCAN = 10;
/** Room above the first arrow for its label. */
const TOP = 26;

/** The JADE Sniffer view of the log: lanes per party, one arrow per message, windowed. */
export function SequenceDiagram() {
  const active = usePanelActive();
  const store = useWorkbenchStore();
  useMessageInterest(active);
  // The rows change in place: their version re-renders the diagram, and only while shown.
  const version = useWorkbenchWhile(active, (s) => s.logVersion);
  const rows = store.getState().rows;
  // Hidden, the lanes wait too (10,000 agents deploying re-laid them out on every publish).
  const agents = useWorkbenchWhile(active, (s) => s.agentOrder);
  const unsniffed = useWorkbench((s) => s.unsniffed);
  const setSniffed = useWorkbench((s) => s.setSniffed);
  const detailKey = useWorkbench((s) => s.detailKey);
  const showMessage = useWorkbench((s) => s.showMessage);
  const { zoom, zoomIndex, setZoom, viewport, scroller, followNewest, handlers } = useSequenceView();

  const hidden = useMemo(() => new Set(unsniffed), [unsniffed]);
  // `version` stands for the rows' content (the array itself stays the same).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rows change in place: version is their content
  const allNames = useMemo(() => laneNames(rows, agents), [version, rows, agents]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const steps = useMemo(() => sniffedSteps(rows, hidden), [version, rows, hidden]);
  const stepH = STEP_HEIGHT * zoom;
  const first = Math.max(0, Math.floor((viewport.top - HEADER_H - TOP * zoom) / stepH) - OVERSCAN);
  const count = Math.ceil(viewport.height / stepH) + OVERSCAN * 2;
  const layout = useMemo(
    () => layoutSequence(rows, { agents, hidden, start: first, count, top: TOP }, { names: allNames, steps }),
    [rows, agents, hidden, first, count, allNames, steps],
  );
  // Follow the newest message while the view is at the bottom.
  const height = layout.height * zoom;
  useLayoutEffect(() => followNewest(), [height, followNewest]);

  return (
    <div className="sequence">
      <div className="sequence-toolbar" role="toolbar" aria-label="Sequence controls">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom(zoomIndex - 1)}
          disabled={zoomIndex === 0}
          aria-label="Zoom out"
        >
          −
        </button>
        <span className="sequence-zoom mono" aria-label="Zoom level">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom(zoomIndex + 1)}
          disabled={zoomIndex === ZOOMS.length - 1}
          aria-label="Zoom in"
        >
          +
        </button>
        <span className="muted small sequence-count">{layout.steps.toLocaleString()} messages · Ctrl+wheel zooms, drag pans</span>
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
        <JadeExportControls version={version} hidden={hidden} />
      </div>
      <div
        className="sequence-scroll"
        ref={scroller}
        role="region"
        aria-label="Sequence diagram"
        tabIndex={0}
        data-zoom={zoom}
        {...handlers}
      >
        <SequenceCanvas layout={layout} zoom={zoom} detailKey={detailKey} onOpen={showMessage} />
      </div>
    </div>
  );
}

interface CanvasProps {
  layout: SequenceLayout;
  zoom: number;
  detailKey: string | null;
  onOpen(key: string): void;
}

/** Lane headers over the lifelines and arrows of the visible window. */
function SequenceCanvas({ layout, zoom, detailKey, onOpen }: CanvasProps) {
  const width = layout.width * zoom;
  const height = layout.height * zoom;
  return (
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
          <line
            key={lane.name}
            x1={lane.x}
            x2={lane.x}
            y1={0}
            y2={layout.height}
            className={`seq-lifeline lane-${lane.kind}`}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {layout.arrows.map((a) => (
          <ArrowView key={a.key} a={a} zoom={zoom} open={a.rowKey === detailKey} onOpen={onOpen} />
        ))}
      </svg>
      {layout.steps === 0 && <p className="muted pad sequence-empty">No messages between the sniffed agents yet.</p>}
    </div>
  );
}
