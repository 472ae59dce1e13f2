/**
 * The free VUs of an arrival-rate scenario, lowest number first (a binary min-heap): the
 * choice is deterministic and costs O(log n) per iteration, whatever maxVUs is.
 */
export class FreeVus {
  private readonly heap: number[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(vu: number): void {
    const h = this.heap;
    h.push(vu);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]! <= vu) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = vu;
  }

  /** The lowest free VU, removed; undefined when none is free. */
  pop(): number | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const child = r < h.length && h[r]! < h[l]! ? r : l;
        if (h[child]! >= last) break;
        h[i] = h[child]!;
        i = child;
      }
      h[i] = last;
    }
    return top;
  }
}
