import { memo, useRef } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { useWorkbench, useWorkbenchTransient } from '../../store/WorkbenchContext';
import { linkViolationCount, violationCountText } from '../contracts/violationsView';
import { writeSoon } from './frameWrites';
import { flowOf, sameFlow } from './linkFlow';
import { loadStepText } from './loadScale';
import { FLOW_ARROW, LINK_ARROW } from './LinkMarkers';

/** Nothing live: a link's msgs/s each way follow the sampled rates into the DOM. */
export type LinkEdgeData = Record<string, never>;
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

/**
 * A link between two nodes. While traffic flows, dashes run along it in the direction of
 * the traffic (both ways when both ways are busy) and the label shows msgs/s. The dashes
 * step with the canvas's `data-flow-phase` (see `useFlowPhase`), not one per message and
 * not a per-frame animation: the cost grows with neither the message rate nor the frame
 * rate. Which way traffic flows, and how much, is written into the DOM as the rates are
 * sampled (useWorkbenchTransient): the edge itself re-renders only when it moves. During a
 * load run the link is coloured by its load step (`data-load-step`, see loadScale); a
 * link that carries half of a canary split says which half and its share. Messages across it
 * that broke a contract: the link turns the danger colour with a badge of their count.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const group = useRef<SVGGElement>(null);
  const ab = useRef<SVGPathElement>(null);
  const ba = useRef<SVGPathElement>(null);
  const label = useRef<SVGTextElement>(null);
  const split = useRef<SVGTextElement>(null);
  const { id, source, target } = props;
  // Re-renders only when the count changes (the worker's counts arrive a few times a second at most).
  const violations = useWorkbench((s) => linkViolationCount(s.violations.counts, source, target));
  useWorkbenchTransient(
    (s) => flowOf(s, id, { a: source, b: target }),
    (flow) =>
      writeSoon(group, () => {
        const g = group.current;
        if (!g) return;
        g.toggleAttribute('data-active', flow.label !== '');
        ab.current?.toggleAttribute('data-active', flow.toB);
        ba.current?.toggleAttribute('data-active', flow.toA);
        if (label.current) label.current.textContent = flow.label;
        if (flow.step > 0) {
          g.dataset['loadStep'] = String(flow.step);
          g.dataset['load'] = loadStepText(flow.step);
        } else {
          delete g.dataset['loadStep'];
          delete g.dataset['load'];
        }
        if (flow.role) g.dataset['split'] = flow.role;
        else delete g.dataset['split'];
        if (split.current) split.current.textContent = flow.split;
      }),
    sameFlow,
  );
  return (
    <g ref={group} className={violations > 0 ? 'link has-violations' : 'link'}>
      <BaseEdge
        id={props.id}
        path={path}
        className={`link-edge${props.selected ? ' is-selected' : ''}`}
        markerEnd={`url(#${LINK_ARROW})`}
      />
      <path ref={ab} d={path} className="link-flow link-flow-ab" fill="none" data-direction="a-to-b" markerEnd={`url(#${FLOW_ARROW})`} />
      <path ref={ba} d={path} className="link-flow link-flow-ba" fill="none" data-direction="b-to-a" markerStart={`url(#${FLOW_ARROW})`} />
      {/* Plain SVG text: React Flow's edge label measures itself (getBBox) on every render. */}
      <text ref={label} x={labelX} y={labelY} dy="-0.5em" className="link-rate" textAnchor="middle" />
      <text ref={split} x={labelX} y={labelY} dy="1.2em" className="link-split" textAnchor="middle" />
      {violations > 0 && <ViolationBadge x={labelX} y={labelY} count={violations} />}
    </g>
  );
});

/** The count of contract violations on a link, beside its label; named for assistive tech. */
function ViolationBadge({ x, y, count }: { x: number; y: number; count: number }) {
  const text = violationCountText(count);
  return (
    <g className="link-violations" role="img" aria-label={text} transform={`translate(${x + 14}, ${y + 12})`}>
      <title>{text}</title>
      <circle r={9} />
      <text textAnchor="middle" dy="0.35em">
        {count > 99 ? '99+' : count}
      </text>
    </g>
  );
}
