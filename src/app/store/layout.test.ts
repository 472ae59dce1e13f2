import { describe, expect, it } from 'vitest';
import { createFreeCells, freePosition, GRID } from './layout';
import type { XY } from './types';

/** The definition: the first cell, row by row, that no position is within the clearance of. */
function naiveFree(taken: readonly XY[], columns = GRID.columns): XY {
  for (let i = 0; ; i++) {
    const cell = { x: GRID.originX + (i % columns) * GRID.x, y: GRID.originY + Math.floor(i / columns) * GRID.y };
    if (taken.every((p) => Math.abs(p.x - cell.x) >= 90 || Math.abs(p.y - cell.y) >= 45)) return cell;
  }
}

function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('free grid cells for nodes without a drop position', () => {
  it('are the cells the definition picks, for positions on and off the grid', () => {
    const random = seeded(7);
    const taken: XY[] = [];
    for (let i = 0; i < 300; i++) {
      const onGrid = random() < 0.5;
      const p = onGrid ? naiveFree(taken) : { x: Math.round(random() * 1600 - 100), y: Math.round(random() * 1200 - 100) };
      if (onGrid) expect(freePosition(taken)).toEqual(p);
      taken.push(p);
    }
  });

  it('hand out successive cells without re-reading the positions, skipping those taken meanwhile', () => {
    const taken: XY[] = [{ x: GRID.originX, y: GRID.originY }];
    const cells = createFreeCells(taken);
    const placed: XY[] = [...taken];
    for (let i = 0; i < 50; i++) {
      if (i === 10) {
        const dropped = { x: naiveFree(placed).x + 5, y: naiveFree(placed).y - 5 };
        cells.take(dropped);
        placed.push(dropped);
      }
      const expected = naiveFree(placed);
      const next = cells.next();
      expect(next).toEqual(expected);
      placed.push(next);
    }
  });
});
