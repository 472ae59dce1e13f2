import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { AgentState } from '../store/types';
import { StatusBadge } from './StatusBadge';

export type AgentNodeData = { agent: AgentState; kindLabel: string };
export type AgentFlowNode = Node<AgentNodeData, 'agent'>;

/** An agent on the canvas; the wrapper carries role "group" and the label "agent NAME". */
export const AgentNode = memo(function AgentNode({ data, selected }: NodeProps<AgentFlowNode>) {
  const { agent, kindLabel } = data;
  return (
    <div className={`agent-node status-border-${agent.status}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} className="agent-handle" aria-label={`link into ${agent.name}`} />
      <div className="agent-node-name" title={agent.name}>
        {agent.name}
      </div>
      <div className="agent-node-row">
        <StatusBadge status={agent.status} />
        <span className="agent-node-kind">{kindLabel.replace(/\s+agent\b/i, '')}</span>
      </div>
      <div className="agent-node-metrics">
        <span className="metric" title="Restarts since deployment">
          <span className="metric-label">restarts</span> <span className="metric-value">{agent.restarts}</span>
        </span>
        <span className="metric" title="Messages queued or in flight">
          <span className="metric-label">mailbox</span> <span className="metric-value">{agent.mailboxDepth}</span>
        </span>
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" aria-label={`link from ${agent.name}`} />
    </div>
  );
});
