/** What the canvas does with React Flow's changes: moves (undoable), selection, drawn links. */
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useActions } from '../../actions/ActionsContext';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import type { XY } from '../../store/types';
import type { CanvasEdge, CanvasNode } from './canvasGraph';

export function useCanvasHandlers(setNodes: Dispatch<SetStateAction<CanvasNode[]>>, setEdges: Dispatch<SetStateAction<CanvasEdge[]>>) {
  const store = useWorkbenchStore();
  const actions = useActions();
  const dragStart = useRef<Record<string, XY> | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      const moves: Record<string, XY> = {};
      let moved = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          moves[change.id] = change.position;
          moved = true;
        }
      }
      if (moved) store.getState().setPositions(moves);
    },
    [store, setNodes],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)), [setEdges]);

  const onSelectionChange = useCallback(
    ({ nodes: picked, edges: pickedEdges }: OnSelectionChangeParams) => {
      const names = picked.filter((n) => n.type !== 'preview').map((n) => n.id);
      const link = names.length === 0 ? (pickedEdges[0]?.id ?? null) : null;
      store.getState().selectCanvas(names, link);
    },
    [store],
  );

  const onNodeDragStart = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      const { positions } = store.getState();
      const from: Record<string, XY> = {};
      for (const n of dragged) if (positions[n.id]) from[n.id] = positions[n.id]!;
      dragStart.current = from;
    },
    [store],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      const from = dragStart.current;
      dragStart.current = null;
      if (!from) return;
      const to: Record<string, XY> = {};
      let changed = false;
      for (const n of dragged) {
        const start = from[n.id];
        if (!start) continue;
        to[n.id] = { x: n.position.x, y: n.position.y };
        if (start.x !== n.position.x || start.y !== n.position.y) changed = true;
      }
      if (changed) void actions.run('nodes.move', { from, to });
    },
    [actions],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const args = { a: connection.source, b: connection.target };
      if (actions.canRun('link.add', args)) void actions.run('link.add', args);
    },
    [actions],
  );

  return { onNodesChange, onEdgesChange, onSelectionChange, onNodeDragStart, onNodeDragStop, onConnect };
}
