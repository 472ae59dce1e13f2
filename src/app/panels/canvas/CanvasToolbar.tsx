import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useActions } from '../../actions/ActionsContext';
import type { ActionId } from '../../actions/types';
import { nextRedo, nextUndo } from '../../store/history';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { linkSource } from './linkTargets';
import { searchMatches } from './syncFlow';

type ToolId = Extract<ActionId, 'history.undo' | 'history.redo' | 'selection.group' | 'selection.delete'>;

const FIT_OPTIONS = { padding: 0.15, duration: 250, maxZoom: 1.2 } as const;

/**
 * Fit the view to `ids` (default: every node), now. Not React Flow's fitView: it waits
 * until every node is measured, and nodes off screen are never rendered to be measured
 * (see syncFlow's `unmeasured`); their declared size counts here.
 */
function useFitNodes(): (ids?: readonly string[]) => void {
  const flow = useReactFlow();
  const rf = useStoreApi();
  return (ids) => {
    const wanted = ids ? new Set(ids) : null;
    const nodes = flow.getNodes().filter((n) => !wanted || wanted.has(n.id));
    if (nodes.length === 0) return;
    const { width, height, minZoom } = rf.getState();
    const viewport = getViewportForBounds(flow.getNodesBounds(nodes), width, height, minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
    void flow.setViewport(viewport, { duration: FIT_OPTIONS.duration });
  };
}

/** A button generated from the action registry: label, shortcut in the tooltip, predicate. */
function ToolButton({ id, icon, detail }: { id: ToolId; icon: string; detail?: string }) {
  const actions = useActions();
  // Re-render when anything the predicates read changes.
  useWorkbench((s) => s.history);
  useWorkbench((s) => s.selectedNodes);
  useWorkbench((s) => s.selectedLink);
  useWorkbench((s) => s.selected);
  const action = actions.get(id);
  const enabled = actions.canRun(id, {} as never);
  const title = [detail ?? action.label, action.shortcut ? `(${action.shortcut})` : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className="btn btn-tool"
      aria-label={action.label}
      title={title}
      disabled={!enabled}
      onClick={() => void actions.run(id, {} as never)}
    >
      <span aria-hidden="true">{icon}</span>
      <span className="btn-tool-text">{action.label}</span>
    </button>
  );
}

function SearchBox() {
  const store = useWorkbenchStore();
  const search = useWorkbench((s) => s.search);
  const fitNodes = useFitNodes();
  const matches = useWorkbench((s) => (s.search.trim() ? searchMatches(s).length : -1));

  const focusMatches = () => {
    const names = searchMatches(store.getState());
    if (names.length === 0) return;
    store.getState().selectCanvas(names, null);
    fitNodes(names);
  };

  return (
    <div className="canvas-search">
      <input
        type="search"
        className="input input-search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        value={search}
        onChange={(e) => store.getState().setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            focusMatches();
          } else if (e.key === 'Escape') {
            store.getState().setSearch('');
          }
        }}
      />
      {matches >= 0 && (
        <span className="canvas-search-count muted" role="status" aria-live="polite">
          {matches === 0 ? 'no match' : `${matches} ${matches === 1 ? 'match' : 'matches'}`}
        </span>
      )}
    </div>
  );
}

/** "Link to…": links the one selected node to another, picked by keyboard (shortcut L). */
function LinkToButton() {
  const store = useWorkbenchStore();
  const from = useWorkbench(linkSource);
  return (
    <button
      type="button"
      className="btn btn-tool"
      aria-label="Link to…"
      title={from ? `Link ${from} to another node (L)` : 'Select one node to link it (L)'}
      disabled={!from}
      onClick={() => from && store.getState().openLinkPicker(from)}
    >
      <span aria-hidden="true">⇢</span>
      <span className="btn-tool-text">Link to…</span>
    </button>
  );
}

/** Above the canvas: search, undo/redo, link, group, delete, fit view. */
export function CanvasToolbar() {
  const fitNodes = useFitNodes();
  const undoLabel = useWorkbench((s) => nextUndo(s.history)?.label);
  const redoLabel = useWorkbench((s) => nextRedo(s.history)?.label);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <SearchBox />
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton id="history.undo" icon="↶" {...(undoLabel ? { detail: `Undo: ${undoLabel}` } : {})} />
      <ToolButton id="history.redo" icon="↷" {...(redoLabel ? { detail: `Redo: ${redoLabel}` } : {})} />
      <span className="toolbar-sep" aria-hidden="true" />
      <LinkToButton />
      <ToolButton id="selection.group" icon="▣" detail="Put the selected agents in a supervision group" />
      <ToolButton id="selection.delete" icon="✕" />
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="btn btn-tool" aria-label="Fit view" title="Fit view: show every node" onClick={() => fitNodes()}>
        <span aria-hidden="true">⤢</span>
        <span className="btn-tool-text">Fit view</span>
      </button>
    </div>
  );
}
