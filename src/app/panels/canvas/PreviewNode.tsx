import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

export type PreviewNodeData = { name: string; type: 'agent' | 'topic' | 'client'; kindLabel: string };
export type PreviewFlowNode = Node<PreviewNodeData, 'preview'>;

/**
 * A saved node drawn before the kernel has it (a reload, while workers start): where it
 * was, with its name and kind, marked "starting". Replaced by the live node once deployed.
 */
export const PreviewNode = memo(function PreviewNode({ data }: NodeProps<PreviewFlowNode>) {
  const { name, type, kindLabel } = data;
  return (
    <div className={type === 'agent' ? 'agent-node preview-node' : `plain-node plain-node-${type} preview-node`}>
      <Handle type="target" position={Position.Left} className="agent-handle" isConnectable={false} />
      <div className="agent-node-head">
        <span className="agent-node-name" title={name}>
          {name}
        </span>
      </div>
      <div className="agent-node-row">
        <span className="status status-loading" data-status="starting">
          <span className="status-glyph" aria-hidden="true">
            ◌
          </span>
          <span className="status-text">starting</span>
        </span>
        <span className="agent-node-kind">{kindLabel}</span>
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" isConnectable={false} />
    </div>
  );
});
