import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { PlainNodeKind } from './canvasSlice';
import type { SearchMark } from './AgentNode';
import { useLiveRate } from './useLiveRate';

/** Its msgs/s is live (useLiveRate), not data: see AgentNodeData. */
export type PlainNodeData = { name: string; kind: PlainNodeKind; links: number; search: SearchMark };
export type PlainFlowNode = Node<PlainNodeData, 'topic' | 'client'>;

const ICON: Record<PlainNodeKind, string> = { topic: '#', client: '⌨' };
const HINT: Record<PlainNodeKind, string> = {
  topic: 'subscribers',
  client: 'links',
};

/** A topic (pub/sub hub: agents wired to it subscribe); clients have a node of their own (ClientNode). */
export const PlainNode = memo(function PlainNode({ data, selected }: NodeProps<PlainFlowNode>) {
  const { name, kind, links, search } = data;
  const rate = useLiveRate<HTMLSpanElement>((s) => s.rates.nodes[name] ?? 0);
  const classes = [
    'plain-node',
    `plain-node-${kind}`,
    selected ? 'is-selected' : '',
    search === 'hit' ? 'is-match' : search === 'miss' ? 'is-dimmed' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <Handle type="target" position={Position.Left} className="agent-handle" title={`link into ${name}`} />
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
          <span ref={rate} className="mono plain-node-rate live-value" />
        </div>
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" title={`link from ${name}`} />
    </div>
  );
});
