import { useEffect, type RefObject } from 'react';
import { onVisualTick, VISUAL_TICK_MS } from '../../store/visualTick';

/** One step of the link dashes; 4 px per step keeps the former 20 px/s. */
export const FLOW_STEP_MS = VISUAL_TICK_MS;
export const FLOW_PHASES = 4;

/**
 * Moves the link dashes by stepping one attribute on the canvas (`data-flow-phase`) a few
 * times a second. A CSS animation per link restyles and repaints every link every frame
 * (stroke-dashoffset cannot run on the compositor); this repaints them 5 times a second,
 * whatever the number of links and the message rate. Returns nothing; stops on unmount.
 */
export function useFlowPhase(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Reduced motion: the dashes stand still (the CSS also drops them).
    if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    // On the canvas's shared clock: the dashes step in the frame the new rates land in.
    return onVisualTick((tick) => {
      el.dataset.flowPhase = String(tick % FLOW_PHASES);
    });
  }, [ref]);
}
