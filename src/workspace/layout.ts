/**
 * A small deterministic layered layout for prewired graphs (pattern scenarios, imported
 * files without positions): the entry nodes form the first column, each further column
 * holds the nodes one link further away, columns are centred on each other. The same
 * input always gives the same positions; nodes keep their input order within a column.
 */
import type { XY } from './model';

export interface LayoutOptions {
  /** Horizontal distance between columns; the canvas nodes are ~180 wide. */
  columnGap?: number;
  rowGap?: number;
  origin?: XY;
  /** Wrap a long chain onto a new band of columns after this many columns. */
  maxColumns?: number;
}

export const LAYOUT_DEFAULTS = { columnGap: 260, rowGap: 130, origin: { x: 40, y: 40 }, maxColumns: 4 } as const;

/**
 * Positions for `names`. `roots` are where traffic enters (a run's receivers, the clients
 * that start it); with none, the first node is the root. Unconnected nodes go last.
 */
export function layoutGraph(
  names: readonly string[],
  links: readonly (readonly [string, string])[],
  roots: readonly string[] = [],
  options: LayoutOptions = {},
): Record<string, XY> {
  const { columnGap, rowGap, origin, maxColumns } = { ...LAYOUT_DEFAULTS, ...options };
  const known = new Set(names);
  const neighbours = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const [a, b] of links) {
    if (!known.has(a) || !known.has(b) || a === b) continue;
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  }
  const order = new Map(names.map((n, i) => [n, i]));
  const byOrder = (x: string, y: string) => order.get(x)! - order.get(y)!;

  const depth = new Map<string, number>();
  const starts = roots.filter((r) => known.has(r));
  let frontier = [...new Set(starts.length > 0 ? starts : names.slice(0, 1))].sort(byOrder);
  let level = 0;
  let maxDepth = -1;
  // Breadth-first from the roots; a disconnected component starts from its first node.
  while (depth.size < names.length) {
    if (frontier.length === 0) {
      const next = names.find((n) => !depth.has(n))!;
      frontier = [next];
      level = maxDepth + 1;
    }
    for (const n of frontier) depth.set(n, level);
    maxDepth = Math.max(maxDepth, level);
    const next = new Set<string>();
    for (const n of frontier) for (const m of neighbours.get(n)!) if (!depth.has(m)) next.add(m);
    frontier = [...next].sort(byOrder);
    level++;
  }

  const columns: string[][] = [];
  for (const n of names) (columns[depth.get(n)!] ??= []).push(n);
  const dense = columns.filter((c) => c && c.length > 0);
  const tallest = Math.max(1, ...dense.map((c) => c.length));
  const bandHeight = tallest * rowGap + rowGap / 2;
  // No prototype: `__proto__` is a node name like any other here.
  const out: Record<string, XY> = Object.create(null) as Record<string, XY>;
  dense.forEach((column, i) => {
    const band = Math.floor(i / maxColumns);
    const x = origin.x + (i % maxColumns) * columnGap;
    const top = origin.y + band * bandHeight + ((tallest - column.length) * rowGap) / 2;
    column.forEach((n, row) => {
      out[n] = { x, y: top + row * rowGap };
    });
  });
  return out;
}
