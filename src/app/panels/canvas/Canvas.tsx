import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type Node,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useActions } from '../../actions/ActionsContext';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchStore, useWorkbenchWith } from '../../store/WorkbenchContext';
import type { XY } from '../../store/types';
import { AgentNode } from './AgentNode';
import { LinkEdge, type LinkFlowEdge } from './LinkEdge';
import { addAgentFiles } from './addAgentFiles';
import { CanvasToolbar } from './CanvasToolbar';
import { GroupNode } from './GroupNode';
import { PlainNode } from './PlainNode';
import { syncEdges, syncNodes, type FlowNode, type GraphInput } from './syncFlow';
import { useFlowPhase } from './useFlowPhase';
import { useFlowRates } from './useFlowRates';
import './canvas.css';

const nodeTypes: NodeTypes = { agent: AgentNode, topic: PlainNode, client: PlainNode, group: GroupNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

export const CANVAS_DROP_TARGET = 'canvas';

const graphSelector = (s: WorkbenchState): GraphView => ({
  agents: s.agents,
  agentOrder: s.agentOrder,
  plainNodes: s.plainNodes,
  plainOrder: s.plainOrder,
  groups: s.groups,
  membership: s.membership,
  positions: s.positions,
  links: s.links,
  selectedNodes: s.selectedNodes,
  selectedLink: s.selectedLink,
  search: s.search,
  kinds: s.kinds,
});

type GraphView = GraphInput & { kinds: WorkbenchState['kinds'] };

/**
 * The canvas re-renders when what it draws changed: every event batch replaces `agents`
 * and `links` (counters), but a node shows only an agent's name, kind, status and
 * restarts and an edge its ends (the live numbers go straight to the DOM: see AgentNode).
 */
function sameGraph(a: GraphView, b: GraphView): boolean {
  for (const key of Object.keys(a) as (keyof GraphView)[]) {
    if (key === 'agents' || key === 'links' || Object.is(a[key], b[key])) continue;
    return false;
  }
  return (
    sameEach(a.agents, b.agents, (x, y) => x.status === y.status && x.restarts === y.restarts && x.kind === y.kind) &&
    sameEach(a.links, b.links, (x, y) => x.a === y.a && x.b === y.b)
  );
}

function sameEach<T>(a: Record<string, T>, b: Record<string, T>, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const y = b[key];
    if (y === undefined || !same(a[key]!, y)) return false;
  }
  return true;
}

const miniMapColor = (node: Node) => (node.type === 'group' ? 'transparent' : node.type === 'agent' ? 'var(--accent)' : 'var(--violet)');

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function Canvas() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const graph = useWorkbenchWith(graphSelector, sameGraph);
  const theme = useWorkbench((s) => s.theme);
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [edges, setEdges] = useState<LinkFlowEdge[]>([]);
  const [fileOver, setFileOver] = useState(false);
  const dragStart = useRef<Record<string, XY> | null>(null);
  const section = useRef<HTMLElement>(null);
  useFlowRates();
  useFlowPhase(section);

  const { kinds } = graph;
  const labelOf = useCallback((kind: string) => kinds.find((k) => k.kind === kind)?.label ?? kind, [kinds]);

  useEffect(() => {
    setNodes((prev) => syncNodes(prev, graph, labelOf));
    setEdges((prev) => syncEdges(prev, graph));
  }, [graph, labelOf]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
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
    [store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<LinkFlowEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes, es));
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: picked, edges: pickedEdges }: OnSelectionChangeParams) => {
      const names = picked.map((n) => n.id);
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

  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setFileOver(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setFileOver(false);
    void addAgentFiles(store, actions, Array.from(e.dataTransfer.files));
  };

  const empty = graph.agentOrder.length === 0 && graph.plainOrder.length === 0;

  return (
    <section
      ref={section}
      className={`canvas${fileOver ? ' is-file-over' : ''}`}
      aria-label="Canvas"
      data-drop-target={CANVAS_DROP_TARGET}
      onDragOver={onDragOver}
      onDragLeave={() => setFileOver(false)}
      onDrop={onDrop}
    >
      <CanvasToolbar />
      <ReactFlow<FlowNode, LinkFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        colorMode={theme}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
        selectionKeyCode="Shift"
        selectionMode={SelectionMode.Partial}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements
        attributionPosition="top-right"
        fitView={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls position="bottom-left" showInteractive={false} showFitView={false} />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Canvas overview"
          nodeColor={miniMapColor}
          style={{ width: 160, height: 110 }}
        />
      </ReactFlow>
      {empty && (
        <p className="canvas-empty">
          Drag an agent, a topic or a client from the palette onto the canvas, or click it to add it.
          <br />
          Connect two nodes by dragging from one handle to another. Drop a <span className="mono">.wasm</span> component
          here to add your own agent.
        </p>
      )}
      {fileOver && <div className="canvas-file-over" aria-hidden="true">Drop a .wasm component to add it to the palette</div>}
    </section>
  );
}
