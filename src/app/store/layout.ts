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

/** Grid cells handed out in order, skipping those a taken position is close to. */
export interface FreeCells {
  /** The first free cell (row by row); it is taken from then on. */
  next(): XY;
  /** A position placed by other means: the cell it is close to is no longer free. */
  take(p: XY): void;
}

/**
 * A position is close to at most one cell (the clearance box is smaller than the grid
 * step), so the taken cells are a set of indices: placing n nodes costs O(n), not the
 * O(n²) per node of testing every cell against every position (10,000 agents took minutes).
 */
export function createFreeCells(taken: readonly XY[], columns: number = GRID.columns): FreeCells {
  const blocked = new Set<number>();
  let cursor = 0;
  const cellAt = (i: number): XY => ({ x: GRID.originX + (i % columns) * GRID.x, y: GRID.originY + Math.floor(i / columns) * GRID.y });
  const take = (p: XY) => {
    const column = Math.round((p.x - GRID.originX) / GRID.x);
    const row = Math.round((p.y - GRID.originY) / GRID.y);
    if (column < 0 || column >= columns || row < 0) return;
    const cell = cellAt(row * columns + column);
    if (Math.abs(p.x - cell.x) < CLEARANCE && Math.abs(p.y - cell.y) < CLEARANCE / 2) blocked.add(row * columns + column);
  };
  for (const p of taken) take(p);
  return {
    next() {
      while (blocked.has(cursor)) cursor++;
      blocked.add(cursor);
      return cellAt(cursor);
    },
    take,
  };
}

/** The first grid cell (row by row) that no existing node is close to. */
export function freePosition(taken: readonly XY[], columns: number = GRID.columns): XY {
  return createFreeCells(taken, columns).next();
}
