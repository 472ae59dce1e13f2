import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { KindInfo } from '../../../hosts/types';
import { useActions } from '../../actions/ActionsContext';
import { columnsFor, freePosition } from '../../store/layout';
import type { XY } from '../../store/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { CANVAS_DROP_TARGET } from '../canvas/Canvas';
import { addAgentFiles } from '../canvas/addAgentFiles';
import './palette.css';

/** Pixels the pointer must travel before a press on a palette item becomes a drag. */
const DRAG_THRESHOLD = 5;

/** Something the palette can put on the canvas: an agent kind, a topic or a client. */
interface PaletteEntry {
  key: string;
  label: string;
  description: string;
  icon: string;
  /** Put it on the canvas at `at` (flow coordinates, top-left), or at a free spot. */
  place(at: XY | undefined): void;
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

const AGENT_HALF = { x: 90, y: 45 };
const PLAIN_HALF = { x: 80, y: 22 };

function kindIcon(kind: KindInfo): string {
  if (!kind.builtin || kind.role === 'custom') return '◆';
  return kind.role === 'pattern' ? '◇' : '●';
}

/**
 * Agent kinds, topics and clients. Click (or Enter/Space) adds one at a free spot;
 * pressing and dragging onto the canvas adds it where the pointer is released. Pointer
 * events rather than HTML5 drag-and-drop: they work the same for mouse, pen and touch,
 * and for test drivers. A person's own components come in through "Add agent from file"
 * (or by dropping the file on the canvas).
 */
export function Palette() {
  const kinds = useWorkbench((s) => s.kinds);
  const connection = useWorkbench((s) => s.connection);
  const actions = useActions();
  const store = useWorkbenchStore();
  const flow = useReactFlow();
  const drag = useRef<DragState | null>(null);
  const suppressClick = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const [busy, setBusy] = useState(false);

  /** A free grid cell, with as many columns as the canvas shows at the current zoom. */
  const freeSpot = (): XY | undefined => {
    const canvas = document.querySelector(`[data-drop-target="${CANVAS_DROP_TARGET}"]`);
    const width = canvas ? canvas.getBoundingClientRect().width / flow.getZoom() : 0;
    const { positions, pending } = store.getState();
    const taken = [...Object.values(positions), ...Object.values(pending).filter((p): p is XY => p !== null)];
    return width > 0 ? freePosition(taken, columnsFor(width)) : undefined;
  };

  const agentEntry = (kind: KindInfo): PaletteEntry => ({
    key: kind.kind,
    label: kind.label,
    description: kind.description,
    icon: kindIcon(kind),
    half: AGENT_HALF,
    place: (at) => void actions.run('agent.deploy', at ? { kind: kind.kind, at } : { kind: kind.kind }),
  });

  const nodeEntries: PaletteEntry[] = [
    {
      key: 'topic',
      label: 'Topic',
      description: 'A pub/sub hub: agents wired to it are its subscribers.',
      icon: '#',
      half: PLAIN_HALF,
      place: (at) => void actions.run('topic.create', at ? { at } : {}),
    },
    {
      key: 'client',
      label: 'Client',
      description: 'An outside party that sends messages along its links and gets replies.',
      icon: '⌨',
      half: PLAIN_HALF,
      place: (at) => void actions.run('client.create', at ? { at } : {}),
    },
  ];

  const core = kinds.filter((k) => k.builtin && k.role !== 'pattern');
  const patterns = kinds.filter((k) => k.builtin && k.role === 'pattern');
  const custom = kinds.filter((k) => !k.builtin);

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

  const onClick = (entry: PaletteEntry) => () => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    entry.place(freeSpot());
  };

  const item = (entry: PaletteEntry) => (
    <li key={entry.key}>
      <button
        type="button"
        className="palette-item"
        aria-label={entry.label}
        aria-describedby={`palette-desc-${entry.key}`}
        title={`${entry.label}: click to add, or drag onto the canvas`}
        onPointerDown={onPointerDown(entry)}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => endDrag(e, true)}
        onPointerCancel={(e) => endDrag(e, false)}
        onClick={onClick(entry)}
      >
        <span className="palette-item-head">
          <span className="palette-item-icon" aria-hidden="true">
            {entry.icon}
          </span>
          <span className="palette-item-label">{entry.label}</span>
        </span>
        <span className="palette-item-desc" id={`palette-desc-${entry.key}`}>
          {entry.description}
        </span>
      </button>
    </li>
  );

  const section = (id: string, title: string, entries: PaletteEntry[]) =>
    entries.length > 0 && (
      <section className="palette-section" aria-labelledby={`palette-${id}`}>
        <h3 id={`palette-${id}`} className="palette-section-heading">
          {title}
        </h3>
        <ul className="palette-list">{entries.map(item)}</ul>
      </section>
    );

  const chooseFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      await addAgentFiles(store, actions, Array.from(files));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <nav className="palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="panel-heading">
        Palette
      </h2>
      {connection.state === 'connecting' && <p className="muted pad">Loading agent kinds…</p>}
      {section('nodes', 'Network', nodeEntries)}
      {connection.state === 'ready' && kinds.length === 0 && <p className="muted pad">No agent kinds are registered.</p>}
      {section('agents', 'Agents', core.map(agentEntry))}
      {section('custom', 'Your agents', custom.map(agentEntry))}
      <div className="palette-file">
        <button
          type="button"
          className="btn palette-file-button"
          disabled={busy}
          title="Choose a .wasm component of the workbench:agent world (or drop it on the canvas)"
          onClick={() => fileInput.current?.click()}
        >
          {busy ? 'Checking component…' : 'Add agent from file'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".wasm,application/wasm"
          multiple
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => void chooseFiles(e.target.files)}
        />
      </div>
      {section('patterns', 'Pattern agents', patterns.map(agentEntry))}
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
