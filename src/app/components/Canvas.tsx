import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { useActions } from '../actions/ActionsContext';
import type { WorkbenchState } from '../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchStore, useWorkbenchWith } from '../store/WorkbenchContext';
import type { AgentState, XY } from '../store/types';
import { AgentNode, type AgentFlowNode } from './AgentNode';
import { LinkEdge, type LinkFlowEdge } from './LinkEdge';

const nodeTypes: NodeTypes = { agent: AgentNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

export const CANVAS_DROP_TARGET = 'canvas';

const graphSelector = (s: WorkbenchState) => ({
  agents: s.agents,
  order: s.agentOrder,
  positions: s.positions,
  selected: s.selected,
  kinds: s.kinds,
});

/**
 * Merge the store's agents into React Flow's node list, reusing node objects that did not
 * change (React Flow keeps measurements on them and skips re-rendering them).
 */
function syncNodes(
  prev: readonly AgentFlowNode[],
  agents: Record<string, AgentState>,
  order: readonly string[],
  positions: Record<string, XY>,
  selected: string | null,
  labelOf: (kind: string) => string,
): AgentFlowNode[] {
  const byId = new Map(prev.map((n) => [n.id, n]));
  const next: AgentFlowNode[] = [];
  for (const name of order) {
    const agent = agents[name];
    if (!agent) continue;
    const position = positions[name] ?? { x: 0, y: 0 };
    const isSelected = selected === name;
    const old = byId.get(name);
    if (
      old &&
      old.data.agent === agent &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      (old.selected ?? false) === isSelected
    ) {
      next.push(old);
      continue;
    }
    next.push({
      ...(old ?? {}),
      id: name,
      type: 'agent',
      position,
      selected: isSelected,
      ariaLabel: `agent ${name}`,
      data: { agent, kindLabel: labelOf(agent.kind) },
    });
  }
  return next;
}

export function Canvas() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const { agents, order, positions, selected, kinds } = useWorkbenchWith(graphSelector, shallow);
  const links = useWorkbench((s) => s.links);
  const theme = useWorkbench((s) => s.theme);
  const [nodes, setNodes] = useState<AgentFlowNode[]>([]);

  const labelOf = useCallback(
    (kind: string) => kinds.find((k) => k.kind === kind)?.label ?? kind,
    [kinds],
  );

  useEffect(() => {
    setNodes((prev) => syncNodes(prev, agents, order, positions, selected, labelOf));
  }, [agents, order, positions, selected, labelOf]);

  const edges = useMemo<LinkFlowEdge[]>(
    () =>
      Object.values(links).map((link) => ({
        id: link.id,
        source: link.a,
        target: link.b,
        type: 'link',
        ariaLabel: `link ${link.a} to ${link.b}`,
        data: { pulse: link.pulse, messages: link.messages },
      })),
    [links],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<AgentFlowNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      const moves: Record<string, XY> = {};
      let moved = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          moves[change.id] = change.position;
          moved = true;
        } else if (change.type === 'select') {
          const state = store.getState();
          if (change.selected) state.setSelected(change.id);
          else if (state.selected === change.id) state.setSelected(null);
        }
      }
      if (moved) store.getState().setPositions(moves);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const args = { a: connection.source, b: connection.target };
      if (actions.canRun('link.add', args)) void actions.run('link.add', args);
    },
    [actions],
  );

  const empty = order.length === 0;

  return (
    <section className="canvas" aria-label="Canvas" data-drop-target={CANVAS_DROP_TARGET}>
      <ReactFlow<AgentFlowNode, LinkFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        colorMode={theme}
        deleteKeyCode={null}
        minZoom={0.2}
        maxZoom={2}
        attributionPosition="top-right"
        fitView={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls position="bottom-left" showInteractive={false} />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" style={{ width: 160, height: 110 }} />
      </ReactFlow>
      {empty && (
        <p className="canvas-empty">
          Drag an agent from the palette onto the canvas, or click it to deploy.
          <br />
          Connect two agents by dragging from one handle to another.
        </p>
      )}
    </section>
  );
}
