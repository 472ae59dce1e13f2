import type { GroupState, PlainNode } from '../canvas/canvasSlice';
import { formatRate } from '../../store/rates';
import { useWorkbench } from '../../store/WorkbenchContext';
import { shallow } from 'zustand/shallow';
import { useWorkbenchWith } from '../../store/WorkbenchContext';
import { ActionButton } from '../../ui/ActionButton';
import { Section } from './Section';

function Peers({ name }: { name: string }) {
  const peers = useWorkbenchWith((s) => Object.values(s.links).flatMap((l) => (l.a === name ? [l.b] : l.b === name ? [l.a] : [])), shallow);
  return peers.length === 0 ? (
    <p className="muted small">Not linked. Drag from a handle to another node to link it.</p>
  ) : (
    <ul className="insp-list" aria-label="Linked nodes">
      {peers.map((p) => (
        <li key={p} className="mono">
          {p}
        </li>
      ))}
    </ul>
  );
}

/** A topic or a client. */
export function PlainInspector({ node }: { node: PlainNode }) {
  const rate = useWorkbench((s) => s.rates.nodes[node.name] ?? 0);
  return (
    <div className="inspector-body" role="region" aria-label={`Inspector for ${node.name}`}>
      <div className="inspector-title">
        <span className="inspector-name">{node.name}</span>
        <span className="muted">{node.kind}</span>
      </div>
      <p className="muted small">
        {node.kind === 'topic'
          ? `Publish with receiver "topic:${node.name}"; every agent and client linked to it receives a copy.`
          : 'An outside party: it reaches other nodes only along its links.'}
      </p>
      <dl className="props">
        <dt>Inbound</dt>
        <dd className="mono">{formatRate(rate)} msg/s</dd>
      </dl>
      <Section title={node.kind === 'topic' ? 'Subscribers' : 'Links'}>
        <Peers name={node.name} />
      </Section>
      <div className="button-row insp-controls" role="group" aria-label="Node controls">
        <ActionButton id="selection.delete" args={{}} watch={node.name} danger />
      </div>
    </div>
  );
}

export function GroupInspector({ group }: { group: GroupState }) {
  const members = useWorkbenchWith((s) => Object.entries(s.membership).flatMap(([agent, g]) => (g === group.name ? [agent] : [])), shallow);
  return (
    <div className="inspector-body" role="region" aria-label={`Inspector for ${group.name}`}>
      <div className="inspector-title">
        <span className="inspector-name">{group.name}</span>
        <span className="muted">supervision group</span>
      </div>
      {group.escalated && <p className="inspector-reason">Escalated: {group.escalated}</p>}
      <dl className="props">
        <dt>Strategy</dt>
        <dd className="mono">{group.strategy}</dd>
        <dt>Intensity</dt>
        <dd className="mono">
          {group.intensity} restarts / {group.periodMs} ms
        </dd>
        <dt>Parent</dt>
        <dd className="mono">{group.parent ?? '—'}</dd>
      </dl>
      <Section title="Members" count={members.length}>
        <ul className="insp-list" aria-label="Group members">
          {members.map((m) => (
            <li key={m} className="mono">
              {m}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
