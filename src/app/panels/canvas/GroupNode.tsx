import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { GroupState } from './canvasSlice';

export type GroupNodeData = { group: GroupState; members: number; width: number; height: number };
export type GroupFlowNode = Node<GroupNodeData, 'group'>;

/** A supervision group: a frame drawn behind its members (it follows them; it is not dragged). */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<GroupFlowNode>) {
  const { group, members, width, height } = data;
  return (
    <div className={`group-node${selected ? ' is-selected' : ''}${group.escalated ? ' is-escalated' : ''}`} style={{ width, height }}>
      <div className="group-node-title">
        <span aria-hidden="true">▣</span> {group.name}
        <span className="group-node-meta">
          {group.strategy.replace(/_/g, '-')} · {members} {members === 1 ? 'member' : 'members'}
        </span>
      </div>
    </div>
  );
});
