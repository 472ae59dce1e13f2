import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { KindInfo } from '../../../hosts/types';
import { useActions } from '../../actions/ActionsContext';
import type { XY } from '../../store/types';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { addAgentFiles } from '../canvas/addAgentFiles';
import { centredSpot, stableOrder } from './placement';
import { canvasRect, usePaletteDrag, type PaletteEntry } from './usePaletteDrag';
import './palette.css';

const AGENT_HALF = { x: 90, y: 45 };
const PLAIN_HALF = { x: 80, y: 22 };

function kindIcon(kind: KindInfo): string {
  if (!kind.builtin || kind.role === 'custom') return '◆';
  return kind.role === 'pattern' ? '◇' : '●';
}

/** Kinds in a stable order (first listed first), whatever order the host lists them in. */
function useStableKinds(): KindInfo[] {
  const kinds = useWorkbench((s) => s.kinds);
  const [seen, setSeen] = useState<string[]>([]);
  const sorted = useMemo(() => stableOrder(seen, kinds), [seen, kinds]);
  // Remember newly listed kinds (state adjusted during render, React's documented pattern).
  if (sorted.order.length !== seen.length) setSeen(sorted.order);
  return sorted.kinds;
}

/** Where a clicked item lands: the centre of the visible canvas, stepped aside if taken. */
function useCentreSpot() {
  const flow = useReactFlow();
  const store = useWorkbenchStore();
  return (half: XY): XY => {
    const r = canvasRect();
    const centre = r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 400, y: 250 };
    const { positions, pending } = store.getState();
    const taken = [...Object.values(positions), ...Object.values(pending).filter((p): p is XY => p !== null)];
    return centredSpot(centre, half, taken);
  };
}

function useEntries() {
  const actions = useActions();
  const agentEntry = (kind: KindInfo): PaletteEntry => ({
    key: kind.kind,
    label: kind.label,
    description: kind.description,
    icon: kindIcon(kind),
    half: AGENT_HALF,
    place: (at) => void actions.run('agent.deploy', { kind: kind.kind, at }),
  });
  const nodeEntries: PaletteEntry[] = [
    {
      key: 'topic',
      label: 'Topic',
      description: 'A pub/sub hub: agents wired to it are its subscribers.',
      icon: '#',
      half: PLAIN_HALF,
      place: (at) => void actions.run('topic.create', { at }),
    },
    {
      key: 'client',
      label: 'Client',
      description: 'An outside party that sends messages along its links and gets replies.',
      icon: '⌨',
      half: PLAIN_HALF,
      place: (at) => void actions.run('client.create', { at }),
    },
  ];
  return { agentEntry, nodeEntries };
}

function Section({ id, title, entries, item }: { id: string; title: string; entries: PaletteEntry[]; item(e: PaletteEntry): ReactNode }) {
  if (entries.length === 0) return null;
  return (
    <section className="palette-section" aria-labelledby={`palette-${id}`}>
      <h3 id={`palette-${id}`} className="palette-section-heading">
        {title}
      </h3>
      <ul className="palette-list">{entries.map(item)}</ul>
    </section>
  );
}

/**
 * Agent kinds, topics and clients. Click (or Enter/Space) adds one at the centre of the
 * view; pressing and dragging onto the canvas adds it where the pointer is released. A
 * person's own components come in through "Add agent from file" (or a drop on the canvas).
 */
export function Palette() {
  const kinds = useStableKinds();
  const connection = useWorkbench((s) => s.connection);
  const { agentEntry, nodeEntries } = useEntries();
  const { ghost, itemProps, swallowClick } = usePaletteDrag();
  const centreSpot = useCentreSpot();

  const item = (entry: PaletteEntry) => (
    <li key={entry.key}>
      <button
        type="button"
        className="palette-item"
        aria-label={entry.label}
        aria-describedby={`palette-desc-${entry.key}`}
        title={`${entry.label}: click to add, or drag onto the canvas`}
        {...itemProps(entry)}
        onClick={() => swallowClick() || entry.place(centreSpot(entry.half))}
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

  return (
    <nav className="palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="panel-heading">
        Palette
      </h2>
      {connection.state === 'connecting' && <p className="muted pad">Loading agent kinds…</p>}
      <Section id="nodes" title="Network" entries={nodeEntries} item={item} />
      {connection.state === 'ready' && kinds.length === 0 && <p className="muted pad">No agent kinds are registered.</p>}
      <Section id="agents" title="Agents" entries={kinds.filter((k) => k.builtin && k.role !== 'pattern').map(agentEntry)} item={item} />
      <Section id="custom" title="Your agents" entries={kinds.filter((k) => !k.builtin).map(agentEntry)} item={item} />
      <AddFromFile />
      <Section
        id="patterns"
        title="Pattern agents"
        entries={kinds.filter((k) => k.builtin && k.role === 'pattern').map(agentEntry)}
        item={item}
      />
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

function AddFromFile() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
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
  );
}
