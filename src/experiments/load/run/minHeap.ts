/** A binary min-heap by `at` (ties: insertion order), for think-time ends and request deadlines. */
export class MinHeap<T extends { at: number }> {
  private readonly items: { item: T; seq: number }[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0]?.item;
  }

  push(item: T): void {
    const h = this.items;
    h.push({ item, seq: this.seq++ });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined) return undefined;
    if (h.length > 0) {
      h[0] = last;
      this.sink(0);
    }
    return top.item;
  }

  private sink(start: number): void {
    const h = this.items;
    for (let i = start; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && this.less(l, min)) min = l;
      if (r < h.length && this.less(r, min)) min = r;
      if (min === i) return;
      [h[i], h[min]] = [h[min]!, h[i]!];
      i = min;
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.item.at < y.item.at || (x.item.at === y.item.at && x.seq < y.seq);
  }
}
