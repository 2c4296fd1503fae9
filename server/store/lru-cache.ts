/** Bounds of an LRU cache: at most `maxEntries` entries and `maxBytes` by the size function. */
export interface LruBounds {
  maxEntries: number;
  maxBytes: number;
}

/**
 * A least-recently-used cache with two bounds: entries and bytes (as `sizeOf` counts them).
 * A value larger than `maxBytes` on its own is not kept. Map order is recency order.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly bounds: LruBounds,
    private readonly sizeOf: (value: V) => number = () => 0,
  ) {}

  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: K, value: V): void {
    const bytes = this.sizeOf(value);
    this.delete(key);
    if (bytes > this.bounds.maxBytes || this.bounds.maxEntries === 0) return;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.bounds.maxEntries && this.total <= this.bounds.maxBytes) break;
      this.map.delete(k);
      this.total -= v.bytes;
    }
  }

  delete(key: K): void {
    const old = this.map.get(key);
    if (!old) return;
    this.map.delete(key);
    this.total -= old.bytes;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  /** Entries and bytes held now. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.map.size, bytes: this.total };
  }
}
