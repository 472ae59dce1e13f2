/**
 * Arrowheads for links, defined once for the page: a link points from `a` (where it was
 * drawn from) to `b`; while traffic flows, the moving dashes carry an arrow each way it goes.
 */
export const LINK_ARROW = 'orrery-link-arrow';
export const FLOW_ARROW = 'orrery-flow-arrow';

export function LinkMarkers() {
  return (
    <svg className="link-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <marker
          id={LINK_ARROW}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="link-arrow" />
        </marker>
        <marker
          id={FLOW_ARROW}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="10"
          markerHeight="10"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="link-arrow-flow" />
        </marker>
      </defs>
    </svg>
  );
}
