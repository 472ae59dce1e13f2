/**
 * A Map for keys that come and go for as long as the program runs: requests waiting for
 * their reply, deliveries waiting for their agent.
 *
 * V8 compacts a Map's hash table by allocating a new one, in the generation of the old table:
 * when a delete empties or shrinks it, and when an insert finds it full of deleted entries.
 * Under churn that is a table every few inserts, and for a long-lived (old) Map every one of
 * them is garbage in the old generation, which only a mark-compact collects; under load those
 * collections put 5-15 ms pauses into request latency. This map renews its Map (copying what
 * it holds) every RENEW_EVERY inserts, or every four times its size when larger, so the Map
 * is young for most of its life and its old tables die in the young generation. Scratch probe
 * (Node 20, two million inserts each deleted soon after, 1-64 live keys): a plain Map ran
 * 10-32 mark-compacts, a map renewing itself this way none, and took a third of the time.
 */
const RENEW_EVERY = 1024;

export class ChurnMap<K, V> implements Iterable<[K, V]> {
  private map = new Map<K, V>();
  private inserts = 0;

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    if (++this.inserts >= RENEW_EVERY && this.inserts >= 4 * this.map.size) {
      this.map = new Map(this.map);
      this.inserts = 0;
    }
    this.map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map = new Map();
    this.inserts = 0;
  }

  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.map.entries();
  }
}
