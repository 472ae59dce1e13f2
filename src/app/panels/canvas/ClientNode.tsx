import { memo, useRef } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useWorkbenchTransient } from '../../store/WorkbenchContext';
import { writeSoon } from './frameWrites';
import { clientLabel, clientVus, type ClientVus } from './loadLabView';
import type { PlainFlowNode } from './PlainNode';
import { useLiveRate } from './useLiveRate';

const sameVus = (a: ClientVus | undefined, b: ClientVus | undefined) => a?.busy === b?.busy && a?.allocated === b?.allocated;

function UsersIcon() {
  return (
    <svg className="client-node-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.2" />
      <path d="M3 19c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5" />
      <circle cx="16.5" cy="9" r="2.6" />
      <path d="M15.5 13.7c3 0 5.5 1.9 5.5 5" />
    </svg>
  );
}

/**
 * A client: the party outside the agents that sends to them. During a load run it stands for
 * its scenario's virtual users: a badge shows how many are busy of those allocated, and the
 * node's accessible name says it. The badge and the name follow the store without a
 * re-render; the name goes onto React Flow's node wrapper (the element that takes focus),
 * which keeps its own `ariaLabel` prop otherwise unchanged, so React never writes over it.
 */
export const ClientNode = memo(function ClientNode({ data, selected }: NodeProps<PlainFlowNode>) {
  const { name, links, search } = data;
  const root = useRef<HTMLDivElement>(null);
  const badge = useRef<HTMLSpanElement>(null);
  const rate = useLiveRate<HTMLSpanElement>((s) => s.rates.nodes[name] ?? 0);
  useWorkbenchTransient(
    (s) => clientVus(s, name),
    (vus) =>
      writeSoon(badge, () => {
        root.current?.closest('.react-flow__node')?.setAttribute('aria-label', clientLabel(name, vus));
        root.current?.toggleAttribute('data-load', vus !== undefined);
        const el = badge.current;
        if (!el) return;
        el.textContent = vus ? `${vus.busy}/${vus.allocated} VUs` : '';
        el.title = vus ? `${vus.busy} virtual users busy of ${vus.allocated} allocated` : '';
      }),
    sameVus,
  );
  const classes = [
    'plain-node',
    'client-node',
    selected ? 'is-selected' : '',
    search === 'hit' ? 'is-match' : search === 'miss' ? 'is-dimmed' : '',
  ];
  return (
    <div ref={root} className={classes.filter(Boolean).join(' ')}>
      <Handle type="target" position={Position.Left} className="agent-handle" title={`link into ${name}`} />
      <span className="plain-node-icon client-node-glyph">
        <UsersIcon />
      </span>
      <div className="plain-node-body">
        <div className="client-node-head">
          <span className="plain-node-name" title={name}>
            {name}
          </span>
          <span ref={badge} className="client-node-vus mono" />
        </div>
        <div className="plain-node-meta">
          <span>client</span>
          <span>{links} links</span>
          <span ref={rate} className="mono plain-node-rate live-value" />
        </div>
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" title={`link from ${name}`} />
    </div>
  );
});
