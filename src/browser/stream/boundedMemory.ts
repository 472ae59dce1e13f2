/** A set and a map that forget their oldest entries past a size (insertion order). */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly limit: number) {}
  add(item: string): void {
    if (this.items.has(item)) return;
    this.items.add(item);
    if (this.items.size > this.limit) this.items.delete(this.items.values().next().value!);
  }
  has(item: string): boolean {
    return this.items.has(item);
  }
  /** Whether it was there (and now is not). */
  delete(item: string): boolean {
    return this.items.delete(item);
  }
}

export class BoundedMap<V> {
  private readonly items = new Map<string, V>();
  constructor(private readonly limit: number) {}
  set(key: string, value: V): void {
    this.items.set(key, value);
    if (this.items.size > this.limit) this.items.delete(this.items.keys().next().value!);
  }
  get(key: string): V | undefined {
    return this.items.get(key);
  }
}
