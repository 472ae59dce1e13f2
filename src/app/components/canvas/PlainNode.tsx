import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { PlainNodeKind } from '../../store/canvasSlice';
import { formatRate } from '../../store/rates';
import type { SearchMark } from '../AgentNode';

export type PlainNodeData = { name: string; kind: PlainNodeKind; rate: number; links: number; search: SearchMark };
export type PlainFlowNode = Node<PlainNodeData, 'topic' | 'client'>;

const ICON: Record<PlainNodeKind, string> = { topic: '#', client: '⌨' };
const HINT: Record<PlainNodeKind, string> = {
  topic: 'subscribers',
  client: 'links',
};

/** A topic (pub/sub hub: agents wired to it subscribe) or a client (an outside party). */
export const PlainNode = memo(function PlainNode({ data, selected }: NodeProps<PlainFlowNode>) {
  const { name, kind, rate, links, search } = data;
  const classes = [
    'plain-node',
    `plain-node-${kind}`,
    selected ? 'is-selected' : '',
    search === 'hit' ? 'is-match' : search === 'miss' ? 'is-dimmed' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <Handle type="target" position={Position.Left} className="agent-handle" aria-label={`link into ${name}`} />
      <span className="plain-node-icon" aria-hidden="true">
        {ICON[kind]}
      </span>
      <div className="plain-node-body">
        <div className="plain-node-name" title={name}>
          {name}
        </div>
        <div className="plain-node-meta">
          <span>{kind}</span>
          <span>
            {links} {HINT[kind]}
          </span>
          <span className="mono">{formatRate(rate)} msg/s</span>
        </div>
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" aria-label={`link from ${name}`} />
    </div>
  );
});
