import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom the canvas's live numbers (10 px text: msgs/s, mailbox depth, link
 * rates) would be drawn under 4 px high, which nobody can read. With 200 agents fitted in
 * view (zoom ≈ 0.2) rewriting them a few times a second was most of the canvas's cost
 * under load: hundreds of boxes laid out and painted per rates sample (canvas-fps with
 * every live write left out: 54 → 60 fps, log open 45 → 56).
 */
export const LOW_DETAIL_ZOOM = 0.4;

const belowDetail = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

/**
 * True while the canvas is zoomed out past legible text. The canvas then marks itself
 * `data-detail="low"` and its CSS leaves the live numbers out of the layout (display:
 * none): they are still written, so they are current the moment the canvas zooms in, but
 * a new value costs no layout and no paint. Status colours, busy rings and the dashes on
 * busy links stay.
 */
export function useLowDetail(): boolean {
  return useStore(belowDetail);
}
