import { describe, expect, it } from 'vitest';
import { layoutGraph, LAYOUT_DEFAULTS } from './layout';

const { columnGap: DX, rowGap: DY } = LAYOUT_DEFAULTS;

describe('layoutGraph', () => {
  it('puts a star hub in the first column and its spokes in the next, centred', () => {
    const p = layoutGraph(
      ['m', 'w1', 'w2', 'w3'],
      [
        ['m', 'w1'],
        ['m', 'w2'],
        ['m', 'w3'],
      ],
      ['m'],
    );
    expect(p).toEqual({
      m: { x: 40, y: 40 + DY },
      w1: { x: 40 + DX, y: 40 },
      w2: { x: 40 + DX, y: 40 + DY },
      w3: { x: 40 + DX, y: 40 + 2 * DY },
    });
  });

  it('lays a chain out left to right and wraps it after maxColumns', () => {
    const names = ['s1', 's2', 's3', 's4', 'sink'];
    const links = [
      ['s1', 's2'],
      ['s2', 's3'],
      ['s3', 's4'],
      ['s4', 'sink'],
    ] as const;
    const p = layoutGraph(names, links, ['s1']);
    expect([p.s1, p.s2, p.s3, p.s4].map((q) => q!.y)).toEqual([40, 40, 40, 40]);
    expect([p.s1, p.s2, p.s3, p.s4].map((q) => q!.x)).toEqual([40, 40 + DX, 40 + 2 * DX, 40 + 3 * DX]);
    expect(p.sink!.x).toBe(40);
    expect(p.sink!.y).toBeGreaterThan(40 + DY / 2);
  });

  it('is deterministic, gives every node a distinct place and handles the unconnected', () => {
    const names = ['a', 'b', 'c', 'lonely', 'd'];
    const links = [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
      ['c', 'd'],
      ['ghost', 'a'],
    ] as const;
    const p1 = layoutGraph(names, links, ['a']);
    const p2 = layoutGraph(names, links, ['a']);
    expect(p1).toEqual(p2);
    expect(Object.keys(p1).sort()).toEqual([...names].sort());
    const spots = new Set(Object.values(p1).map((q) => `${q.x},${q.y}`));
    expect(spots.size).toBe(names.length);
  });

  it('starts from the first node when no root is given', () => {
    const p = layoutGraph(['x', 'y'], [['x', 'y']]);
    expect(p.x!.x).toBeLessThan(p.y!.x);
  });
});
