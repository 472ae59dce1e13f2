import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../../kernel/rng';
import { MinHeap } from './minHeap';

describe('MinHeap', () => {
  it('pops in time order, ties in insertion order', () => {
    const heap = new MinHeap<{ at: number; n: number }>();
    const rng = createSeededRng(4);
    const items = Array.from({ length: 500 }, (_, n) => ({ at: rng.int(50), n }));
    for (const item of items) heap.push(item);
    const out: { at: number; n: number }[] = [];
    for (let item = heap.pop(); item; item = heap.pop()) out.push(item);
    expect(out).toEqual([...items].sort((a, b) => a.at - b.at || a.n - b.n));
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
  });
});
