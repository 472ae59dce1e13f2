/**
 * Where a clicked palette item lands, and the palette's order. Pure: the canvas's centre
 * and what is taken come in from the caller.
 */
import type { KindInfo } from '../../../hosts/types';
import type { XY } from '../../store/types';

/** Spacing of the spots around the centre: a node's size plus a gap, so nodes never overlap. */
export const SPOT = { x: 210, y: 120 } as const;
const RINGS = 8;

/** Spots around the centre, nearest ring first; within a ring right and down before left and up. */
const OFFSETS: readonly { i: number; j: number }[] = (() => {
  const cells: { i: number; j: number; k: number }[] = [];
  for (let j = -RINGS; j <= RINGS; j++) for (let i = -RINGS; i <= RINGS; i++) cells.push({ i, j, k: Math.max(Math.abs(i), Math.abs(j)) });
  const key = (c: { i: number; j: number; k: number }) => [c.k, c.j < 0 ? 1 : 0, c.i < 0 ? 1 : 0, Math.abs(c.j), Math.abs(c.i)];
  return cells.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let n = 0; n < ka.length; n++) if (ka[n] !== kb[n]) return ka[n]! - kb[n]!;
    return 0;
  });
})();

/**
 * The spot for a node `half` in size centred on `centre` (flow coordinates, top-left of
 * the node); when a node is already there, the nearest free spot around it, so repeated
 * clicks never stack nodes on one another.
 */
export function centredSpot(centre: XY, half: XY, taken: readonly XY[]): XY {
  const origin = { x: Math.round(centre.x - half.x), y: Math.round(centre.y - half.y) };
  const clear = (at: XY) => taken.every((p) => Math.abs(p.x - at.x) >= SPOT.x - 10 || Math.abs(p.y - at.y) >= SPOT.y - 10);
  for (const { i, j } of OFFSETS) {
    const at = { x: origin.x + i * SPOT.x, y: origin.y + j * SPOT.y };
    if (clear(at)) return at;
  }
  return origin;
}

/**
 * The palette's order, the same on every visit: built-in kinds by label (the host lists
 * them in the order they finished loading, which changes from one start to the next),
 * then a person's own components in the order they were added. Compiling a kind or
 * adding a component never moves the others.
 */
export function stableOrder(seen: string[], kinds: readonly KindInfo[]): { order: string[]; kinds: KindInfo[] } {
  const order = [...seen];
  for (const k of kinds) if (!order.includes(k.kind)) order.push(k.kind);
  const rank = new Map(order.map((kind, i) => [kind, i]));
  const sorted = [...kinds].sort((a, b) => {
    if (a.builtin !== b.builtin) return a.builtin ? -1 : 1;
    if (a.builtin) return a.label.localeCompare(b.label) || a.kind.localeCompare(b.kind);
    return rank.get(a.kind)! - rank.get(b.kind)!;
  });
  return { order, kinds: sorted };
}
