/**
 * Linear memories reused from one agent instance to the next, in one thread.
 *
 * Why: V8 reserves ~8 GiB of address space per 32-bit WebAssembly memory (guard regions)
 * inside a ~1 TiB per-process sandbox, so a Chromium renderer holds only ~124 memories at
 * once, across all its workers. A released instance's memory is returned to the address
 * space only when *its* thread's garbage collector frees it; V8 collects the allocating
 * thread's garbage when an allocation fails, but not another worker's, so instances
 * dropped in one worker can make instantiation fail in another. A pool bounds the memories
 * a thread ever creates, whatever the GC does: an instance's memory is zeroed when the
 * instance is released and handed to the next one (modules rewritten by `importMemory`
 * import their memory, so a fresh instance re-runs its data segments and start function on
 * a zeroed memory: the same state as a new memory, except its size, which never shrinks).
 *
 * Memories are pooled by declared maximum (memory caps). The pool keeps at most `limit`
 * memories in total (in use + free): when a new one is needed for another maximum, a free
 * one is dropped (left to the GC). Memories grown past `maxPooledPages` are dropped on
 * release rather than zeroed and kept, and so is a capped memory that grew at all: the
 * next instance would start with less headroom under its cap than a fresh memory gives.
 */
const PAGE = 65536;

export interface MemoryPool {
  /** A zeroed memory with maximum `max` (none: no maximum) and at least `min` pages. */
  acquire(min: number, max: number | undefined): WebAssembly.Memory;
  /** Give a memory back (one `acquire` returned): zeroed and kept for the next instance, or dropped. */
  release(memory: WebAssembly.Memory): void;
  stats(): MemoryPoolStats;
}

export interface MemoryPoolStats {
  inUse: number;
  free: number;
  /** Memories created so far (a reused one is not counted again). */
  created: number;
  reused: number;
  dropped: number;
}

export interface MemoryPoolOptions {
  /** Memories kept (in use + free) before free ones are dropped; default 64. */
  limit?: number;
  /** Larger memories are not kept (zeroing them costs more than a new one). Default 256 (16 MiB). */
  maxPooledPages?: number;
}

export function createMemoryPool(options: MemoryPoolOptions = {}): MemoryPool {
  const limit = Math.max(1, options.limit ?? 64);
  const maxPooledPages = options.maxPooledPages ?? 256;
  const free = new Map<string, WebAssembly.Memory[]>();
  /** What each memory in use was acquired for. */
  const acquired = new WeakMap<WebAssembly.Memory, { min: number; max: number | undefined }>();
  let freeCount = 0;
  let inUse = 0;
  let created = 0;
  let reused = 0;
  let dropped = 0;
  const keyOf = (max: number | undefined) => (max === undefined ? 'none' : String(max));

  function dropOneFree(): boolean {
    for (const [key, list] of free) {
      if (list.length === 0) continue;
      list.pop();
      if (list.length === 0) free.delete(key);
      freeCount--;
      dropped++;
      return true;
    }
    return false;
  }

  return {
    acquire(min, max) {
      const list = free.get(keyOf(max));
      // Under a cap, only a memory no larger than asked gives the guest its full headroom.
      const at = list ? (max === undefined ? list.length - 1 : list.findIndex((m) => m.buffer.byteLength / PAGE <= min)) : -1;
      let memory = at >= 0 ? list!.splice(at, 1)[0] : undefined;
      if (memory) {
        freeCount--;
        reused++;
        const pages = memory.buffer.byteLength / PAGE;
        if (pages < min) memory.grow(min - pages);
      } else {
        if (inUse + freeCount >= limit) dropOneFree();
        memory = new WebAssembly.Memory(max === undefined ? { initial: min } : { initial: min, maximum: max });
        created++;
      }
      inUse++;
      acquired.set(memory, { min: Math.max(min, memory.buffer.byteLength / PAGE), max });
      return memory;
    },
    release(memory) {
      const use = acquired.get(memory);
      if (!use) return; // not ours, or released already
      acquired.delete(memory);
      const { max } = use;
      inUse = Math.max(0, inUse - 1);
      const pages = memory.buffer.byteLength / PAGE;
      if (pages > maxPooledPages || (max !== undefined && pages > use.min) || inUse + freeCount >= limit) {
        dropped++;
        return;
      }
      new Uint8Array(memory.buffer).fill(0);
      const key = keyOf(max);
      let list = free.get(key);
      if (!list) free.set(key, (list = []));
      list.push(memory);
      freeCount++;
    },
    stats: () => ({ inUse, free: freeCount, created, reused, dropped }),
  };
}
