import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';

export type LinkEdgeData = { pulse: number; messages: number };
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

/**
 * A link between two nodes. Each message crossing it bumps `pulse`; the overlay path is
 * keyed on it, so its one-shot CSS animation restarts (at most once per event batch).
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkFlowEdge>) {
  const [path] = getBezierPath(props);
  const pulse = props.data?.pulse ?? 0;
  return (
    <>
      <BaseEdge id={props.id} path={path} className="link-edge" />
      {pulse > 0 && <path key={pulse} d={path} className="link-pulse" fill="none" />}
    </>
  );
});
