import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { formatRate } from '../store/rates';
import type { AgentStatus } from '../../kernel/types';
import { StatusBadge } from './StatusBadge';

/** `hit`: matches the canvas search; `miss`: a search is active and this node does not match. */
export type SearchMark = 'hit' | 'miss' | undefined;

/**
 * Only what the node shows (not the whole agent state): under load the counters change
 * every batch, and a node whose shown values did not change must not re-render.
 */
export type AgentNodeData = {
  name: string;
  status: AgentStatus;
  mailboxDepth: number;
  restarts: number;
  kindLabel: string;
  rate: number;
  search: SearchMark;
  group?: string;
};
export type AgentFlowNode = Node<AgentNodeData, 'agent'>;

/**
 * An agent on the canvas; the wrapper carries role "group" and the label "agent NAME".
 * Busy (something queued or in flight) shows as a glow; status as colour, glyph and text.
 */
export const AgentNode = memo(function AgentNode({ data, selected }: NodeProps<AgentFlowNode>) {
  const { kindLabel, rate, search, group } = data;
  const agent = data;
  const busy = agent.mailboxDepth > 0 && agent.status === 'running';
  const classes = [
    'agent-node',
    `status-border-${agent.status}`,
    selected ? 'is-selected' : '',
    busy ? 'is-busy' : '',
    search === 'hit' ? 'is-match' : search === 'miss' ? 'is-dimmed' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-busy={busy || undefined}>
      <Handle type="target" position={Position.Left} className="agent-handle" aria-label={`link into ${agent.name}`} />
      <div className="agent-node-head">
        <span className="agent-node-name" title={agent.name}>
          {agent.name}
        </span>
        <span className={`agent-node-rate${rate > 0 ? ' is-active' : ''}`} title="Messages delivered per second">
          {formatRate(rate)} msg/s
        </span>
      </div>
      <div className="agent-node-row">
        <StatusBadge status={agent.status} />
        <span className="agent-node-kind">{kindLabel.replace(/\s+agent\b/i, '')}</span>
      </div>
      <div className="agent-node-metrics">
        <span className="metric" title="Messages queued or in flight">
          <span className="metric-label">mailbox</span> <span className="metric-value">{agent.mailboxDepth}</span>
        </span>
        <span className="metric" title="Restarts since deployment">
          <span className="metric-label">restarts</span> <span className="metric-value">{agent.restarts}</span>
        </span>
      </div>
      {group && (
        <div className="agent-node-group" title={`Supervised by ${group}`}>
          ▣ {group}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="agent-handle" aria-label={`link from ${agent.name}`} />
    </div>
  );
});
