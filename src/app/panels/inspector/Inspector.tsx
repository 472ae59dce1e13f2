import { useState } from 'react';
import type { WorkbenchState } from '../../store/createWorkbenchStore';
import { useWorkbench } from '../../store/WorkbenchContext';
import { AgentInspector } from './AgentInspector';
import { LinkInspector } from './LinkInspector';
import { MessageInspector } from './MessageInspector';
import { GroupInspector, PlainInspector } from './NodeInspector';
import './inspector.css';
import { ResilienceSection } from './ResilienceSection';

const detailRow = (s: WorkbenchState) => {
  if (!s.detailKey) return null;
  const abs = s.rowById.get(s.detailKey);
  if (abs === undefined) return null;
  const row = s.rows[abs - s.droppedRows];
  return row && row.key === s.detailKey ? row : null;
};

/**
 * What is selected, in detail: an agent, a topic or client, a group, a link, or the
 * message last picked in the log (whichever was picked last).
 */
export function Inspector() {
  const selected = useWorkbench((s) => s.selected);
  const selectedLink = useWorkbench((s) => s.selectedLink);
  const agent = useWorkbench((s) => (s.selected ? (s.agents[s.selected] ?? null) : null));
  const plain = useWorkbench((s) => (s.selected ? (s.plainNodes[s.selected] ?? null) : null));
  const group = useWorkbench((s) => (s.selected ? (s.groups[s.selected] ?? null) : null));
  const link = useWorkbench((s) => (s.selectedLink ? (s.links[s.selectedLink] ?? null) : null));
  const detailKey = useWorkbench((s) => s.detailKey);
  const row = useWorkbench(detailRow);
  const count = useWorkbench((s) => s.selectedNodes.length);

  // Whichever was picked last wins: a node or link on the canvas, or a message in the log.
  // Derived while rendering (React's "adjust state on a prop change"), not in effects.
  const [focus, setFocus] = useState<'canvas' | 'message'>('canvas');
  const [seen, setSeen] = useState({ detailKey, selected, selectedLink });
  if (seen.detailKey !== detailKey || seen.selected !== selected || seen.selectedLink !== selectedLink) {
    const picked = seen.selected !== selected || seen.selectedLink !== selectedLink;
    setSeen({ detailKey, selected, selectedLink });
    if (picked) setFocus('canvas');
    else if (detailKey) setFocus('message');
  }

  let body;
  if (focus === 'message' && row) body = <MessageInspector row={row} />;
  else if (link && !selected) body = <LinkInspector link={link} />;
  else if (agent) body = <AgentInspector key={agent.name} agent={agent} />;
  else if (plain) body = <PlainInspector node={plain} />;
  else if (group) body = <GroupInspector group={group} />;
  else if (row) body = <MessageInspector row={row} />;
  else
    body = (
      <p className="muted pad">
        Select an agent, a link or a message to see its state and controls. Shift-click or Shift-drag to select several nodes.
      </p>
    );

  return (
    <aside className="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel-heading">
        Inspector
        {count > 1 && <span className="insp-count">{count} selected</span>}
      </h2>
      {body}
      {focus === 'canvas' && <ResilienceSection />}
    </aside>
  );
}
