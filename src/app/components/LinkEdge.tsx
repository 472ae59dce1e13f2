import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { formatRate } from '../store/rates';

/** msgs/s towards `target` (`ab`) and towards `source` (`ba`). */
export type LinkEdgeData = { ab: number; ba: number };
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

/**
 * A link between two nodes. While traffic flows, dashes run along it in the direction of
 * the traffic (both ways when both ways are busy) and the label shows msgs/s. The dashes
 * step with the canvas's `data-flow-phase` (see `useFlowPhase`), not one per message and
 * not a per-frame animation: the cost grows with neither the message rate nor the frame rate.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const ab = props.data?.ab ?? 0;
  const ba = props.data?.ba ?? 0;
  const total = ab + ba;
  const label = total > 0 ? `${formatRate(total)} msg/s` : undefined;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`link-edge${props.selected ? ' is-selected' : ''}${total > 0 ? ' is-active' : ''}`}
      />
      {ab > 0 && <path d={path} className="link-flow link-flow-ab" fill="none" data-direction="a-to-b" />}
      {ba > 0 && <path d={path} className="link-flow link-flow-ba" fill="none" data-direction="b-to-a" />}
      {label && (
        // Plain SVG text: React Flow's edge label measures itself (getBBox) on every render.
        <text x={labelX} y={labelY} dy="-0.5em" className="link-rate" textAnchor="middle">
          {label}
        </text>
      )}
    </>
  );
});
