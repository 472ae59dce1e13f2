import { describe, expect, it } from 'vitest';
import type { KindInfo } from '../../../hosts/types';
import { centredSpot, SPOT, stableOrder } from './placement';

const kind = (k: string, builtin = true): KindInfo => ({ kind: k, label: `${k} agent`, description: '', hash: '', bytes: 0, builtin });

describe('palette placement', () => {
  it('puts a node centred on the view, and further ones beside it, never on top of one another', () => {
    const half = { x: 90, y: 45 };
    const taken: { x: number; y: number }[] = [];
    for (let n = 0; n < 12; n++) taken.push(centredSpot({ x: 500, y: 300 }, half, taken));
    expect(taken[0]).toEqual({ x: 410, y: 255 });
    expect(taken[1]).toEqual({ x: 410 + SPOT.x, y: 255 });
    expect(taken[2]).toEqual({ x: 410, y: 255 + SPOT.y });
    for (const [a, p] of taken.entries()) {
      for (const q of taken.slice(a + 1)) expect(Math.abs(p.x - q.x) >= SPOT.x - 10 || Math.abs(p.y - q.y) >= SPOT.y - 10).toBe(true);
    }
    // Nearest first: the twelve stay within two rings of the centre.
    for (const p of taken) expect(Math.abs(p.x - 410) <= 2 * SPOT.x && Math.abs(p.y - 255) <= 2 * SPOT.y).toBe(true);
  });

  it('ignores nodes that are not in the way', () => {
    expect(centredSpot({ x: 0, y: 0 }, { x: 10, y: 10 }, [{ x: 400, y: 400 }])).toEqual({ x: -10, y: -10 });
  });

  it('gives one order whatever order the host lists kinds in; added components go last, in the order added', () => {
    const first = stableOrder([], [kind('text'), kind('echo'), kind('counter')]);
    expect(first.kinds.map((k) => k.kind)).toEqual(['counter', 'echo', 'text']);
    const added = stableOrder(first.order, [kind('custom:b', false), kind('echo'), kind('counter'), kind('text')]);
    const again = stableOrder(added.order, [kind('custom:a', false), kind('text'), kind('custom:b', false), kind('echo'), kind('counter')]);
    expect(again.kinds.map((k) => k.kind)).toEqual(['counter', 'echo', 'text', 'custom:b', 'custom:a']);
    expect(stableOrder([], [kind('echo'), kind('counter'), kind('text')]).kinds).toEqual(first.kinds);
  });
});
