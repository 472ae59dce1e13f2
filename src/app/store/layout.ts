import type { XY } from './types';

/** Grid the canvas fills when an agent is deployed without a drop position. */
export const GRID = { x: 280, y: 150, columns: 5, originX: 40, originY: 40 } as const;
const CLEARANCE = 90;

/** How many grid columns fit in a canvas `width` flow units wide (at least one). */
export function columnsFor(width: number): number {
  return Math.max(1, Math.floor((width - GRID.originX - NODE_WIDTH) / GRID.x) + 1);
}

/** Node width on the canvas (see `.agent-node` in app.css). */
export const NODE_WIDTH = 180;

/** The first grid cell (row by row) that no existing node is close to. */
export function freePosition(taken: readonly XY[], columns: number = GRID.columns): XY {
  for (let i = 0; ; i++) {
    const cell = {
      x: GRID.originX + (i % columns) * GRID.x,
      y: GRID.originY + Math.floor(i / columns) * GRID.y,
    };
    const clear = taken.every((p) => Math.abs(p.x - cell.x) >= CLEARANCE || Math.abs(p.y - cell.y) >= CLEARANCE / 2);
    if (clear) return cell;
  }
}
