import { memo, useRef } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { AgentStatus } from '../../../kernel/types';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbench, useWorkbenchTransient } from '../../store/WorkbenchContext';
import { canaryRole, splitText } from './canaryDisplay';
import { loadCanary } from './loadLabView';
import { StatusBadge } from './StatusBadge';
import { writeSoon } from './frameWrites';
import { useLiveRate } from './useLiveRate';

/** `hit`: matches the canvas search; `miss`: a search is active and this node does not match. */
export type SearchMark = 'hit' | 'miss' | undefined;

/**
 * Only what the node shows and rarely changes (not the whole agent state, not the live
 * numbers): a node whose data did not change is not re-rendered. Its msgs/s, mailbox depth
 * and busy ring follow the sampled rates straight into the DOM (useWorkbenchTransient).
 */
export type AgentNodeData = {
  name: string;
  status: AgentStatus;
  restarts: number;
  kindLabel: string;
  search: SearchMark;
  group?: string;
};
export type AgentFlowNode = Node<AgentNodeData, 'agent'>;

/** "canary 25 %" / "stable 75 %" for the agents of a load run's canary release, else ''. */
function releaseText(s: WorkbenchState, name: string): string {
  const view = loadCanary(s);
  const role = canaryRole(view, name);
  return view && role ? splitText(view, role) : '';
}

/**
 * An agent on the canvas; the wrapper carries role "group" and the label "agent NAME".
 * Busy (something queued or in flight) shows as a ring; status as colour, glyph and text.
 */
export const AgentNode = memo(function AgentNode({ data, selected }: NodeProps<AgentFlowNode>) {
  const { name, status, restarts, kindLabel, search, group } = data;
  const root = useRef<HTMLDivElement>(null);
  const mailbox = useRef<HTMLSpanElement>(null);
  const rate = useLiveRate<HTMLSpanElement>((s) => s.rates.nodes[name] ?? 0);
  const releaseRole = useWorkbench((s) => canaryRole(loadCanary(s), name));
  const release = useWorkbench((s) => releaseText(s, name));
  useWorkbenchTransient(
    (s) => s.rates.mailbox[name] ?? 0,
    (depth) =>
      writeSoon(mailbox, () => {
        if (mailbox.current) mailbox.current.textContent = String(depth);
      }),
  );
  useWorkbenchTransient(
    (s) => (s.rates.mailbox[name] ?? 0) > 0 && s.agents[name]?.status === 'running',
    (busy) => writeSoon(root, () => root.current?.toggleAttribute('data-busy', busy)),
  );
  const classes = [
    'agent-node',
    `status-border-${status}`,
    selected ? 'is-selected' : '',
    search === 'hit' ? 'is-match' : search === 'miss' ? 'is-dimmed' : '',
  ];
  return (
    <div ref={root} className={classes.filter(Boolean).join(' ')}>
      <Handle type="target" position={Position.Left} className="agent-handle" title={`link into ${name}`} />
      {releaseRole && (
        <span className="agent-node-release" data-role={releaseRole}>
          {release}
        </span>
      )}
      <div className="agent-node-head">
        <span className="agent-node-name" title={name}>
          {name}
        </span>
        <span ref={rate} className="agent-node-rate live-value" title="Messages delivered per second" />
      </div>
      <div className="agent-node-row">
        <StatusBadge status={status} />
        <span className="agent-node-kind">{kindLabel.replace(/\s+agent\b/i, '')}</span>
      </div>
      <div className="agent-node-metrics">
        <span className="metric" title="Messages queued or in flight">
          <span className="metric-label">mailbox</span> <span ref={mailbox} className="metric-value live-value" />
        </span>
        <span className="metric" title="Restarts since deployment">
          <span className="metric-label">restarts</span> <span className="metric-value">{restarts}</span>
        </span>
      </div>
      {group && (
        <div className="agent-node-group" title={`Supervised by ${group}`}>
          ▣ {group}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="agent-handle" title={`link from ${name}`} />
    </div>
  );
});
