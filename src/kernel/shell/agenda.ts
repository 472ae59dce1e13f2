/**
 * The shell's agenda: items ordered by virtual time, ties broken by a key drawn from the
 * seeded Rng when the item was scheduled (then by insertion order, which only matters if
 * two keys collide). A binary heap: O(log n) push and pop. A cancelled item stays in the
 * heap and is skipped when it comes up (cheaper than removing it from the middle).
 */
export interface Agendum {
  at: number;
  tie: number;
  seq: number;
  run: () => void | Promise<void>;
  cancelled?: boolean;
}

export class Agenda {
  private heap: Agendum[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Agendum | undefined {
    return this.heap[0];
  }

  push(item: Agendum): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): Agendum | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Agendum, b: Agendum): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.tie !== b.tie) return a.tie < b.tie;
  return a.seq < b.seq;
}
