import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  type EdgeTypes,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import { useActions } from '../../actions/ActionsContext';
import { useWorkbench, useWorkbenchStore, useWorkbenchWith } from '../../store/WorkbenchContext';
import { addAgentFiles } from './addAgentFiles';
import { AgentNode } from './AgentNode';
import { CanaryPanel } from './CanaryPanel';
import { graphSelector, sameGraph, type CanvasEdge, type CanvasNode } from './canvasGraph';
import { CanvasNote } from './CanvasNote';
import { CanvasToolbar } from './CanvasToolbar';
import { ClientNode } from './ClientNode';
import { GroupNode } from './GroupNode';
import { LinkEdge } from './LinkEdge';
import { LinkMarkers } from './LinkMarkers';
import { LinkPicker, useLinkShortcut } from './LinkPicker';
import { LoadLegend } from './LoadLegend';
import { PlainNode } from './PlainNode';
import { previewEdges, previewNodes } from './previewFlow';
import { PreviewNode } from './PreviewNode';
import { StartingAgents } from './StartingAgents';
import { syncEdges, syncNodes, type FlowNode } from './syncFlow';
import type { LinkFlowEdge } from './LinkEdge';
import { useCanvasHandlers } from './useCanvasHandlers';
import { useFlowPhase } from './useFlowPhase';
import { useFlowRates } from './useFlowRates';
import { useLowDetail } from './useLowDetail';
import './canvas.css';

const nodeTypes: NodeTypes = { agent: AgentNode, topic: PlainNode, client: ClientNode, group: GroupNode, preview: PreviewNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

export const CANVAS_DROP_TARGET = 'canvas';

const miniMapColor = (node: Node) => (node.type === 'group' ? 'transparent' : node.type === 'agent' ? 'var(--accent)' : 'var(--violet)');

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Live nodes and edges (objects reused when unchanged), then the saved ones still starting. */
function useCanvasElements() {
  const graph = useWorkbenchWith(graphSelector, sameGraph);
  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  const [edges, setEdges] = useState<CanvasEdge[]>([]);
  const { kinds } = graph;
  const labelOf = useCallback((kind: string) => kinds.find((k) => k.kind === kind)?.label ?? kind, [kinds]);
  useEffect(() => {
    // React Flow owns node objects between renders (measurements, drag state): the store's
    // graph is merged into them here, reusing the unchanged ones.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNodes((prev) => {
      const live = syncNodes(
        prev.filter((n): n is FlowNode => n.type !== 'preview'),
        graph,
        labelOf,
      );
      const starting = previewNodes(graph.preview, graph, labelOf);
      return starting.length > 0 ? [...live, ...starting] : live;
    });
    setEdges((prev) => {
      const live = syncEdges(
        prev.filter((e): e is LinkFlowEdge => e.type === 'link'),
        graph,
      );
      const starting = previewEdges(graph.preview, graph);
      return starting.length > 0 ? [...live, ...starting] : live;
    });
  }, [graph, labelOf]);
  const empty = graph.agentOrder.length === 0 && graph.plainOrder.length === 0 && !graph.preview?.nodes.length;
  return { nodes, edges, setNodes, setEdges, empty };
}

/** `.wasm` files dropped on the canvas become agent kinds. */
function useFileDrop() {
  const store = useWorkbenchStore();
  const actions = useActions();
  const [fileOver, setFileOver] = useState(false);
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
  return { fileOver, dropProps: { onDragOver, onDragLeave: () => setFileOver(false), onDrop } };
}

export function Canvas() {
  const theme = useWorkbench((s) => s.theme);
  const { nodes, edges, setNodes, setEdges, empty } = useCanvasElements();
  const handlers = useCanvasHandlers(setNodes, setEdges);
  const { fileOver, dropProps } = useFileDrop();
  const section = useRef<HTMLElement>(null);
  const lowDetail = useLowDetail();
  useFlowRates();
  useFlowPhase(section);
  useLinkShortcut();

  return (
    <section
      ref={section}
      className={`canvas${fileOver ? ' is-file-over' : ''}`}
      aria-label="Canvas"
      data-drop-target={CANVAS_DROP_TARGET}
      data-detail={lowDetail ? 'low' : undefined}
      {...dropProps}
    >
      <CanvasToolbar />
      <LinkMarkers />
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        {...handlers}
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
      <StartingAgents />
      <LoadLegend />
      <CanaryPanel />
      <CanvasNote />
      {empty && (
        <p className="canvas-empty">
          Drag an agent, a topic or a client from the palette onto the canvas, or click it to add it.
          <br />
          Connect two nodes by dragging from one handle to another, or select a node and press <kbd>L</kbd> to link it by keyboard. Drop a{' '}
          <span className="mono">.wasm</span> component here to add your own agent.
        </p>
      )}
      {fileOver && (
        <div className="canvas-file-over" aria-hidden="true">
          Drop a .wasm component to add it to the palette
        </div>
      )}
      <LinkPicker />
    </section>
  );
}
