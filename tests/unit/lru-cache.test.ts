import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { LruCache } from '../../server/store/lru-cache.js';

describe('LruCache', () => {
  it('drops the least recently used entry past its entry bound', () => {
    const c = new LruCache<string, number>({ maxEntries: 2, maxBytes: Number.POSITIVE_INFINITY });
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c')]).toEqual([1, 3]);
    expect(c.size.entries).toBe(2);
  });

  it('holds its byte bound, and keeps no value larger than the bound', () => {
    const c = new LruCache<string, string>({ maxEntries: 100, maxBytes: 10 }, (v) => v.length);
    c.set('a', 'xxxx');
    c.set('b', 'yyyy');
    c.set('c', 'zzzz');
    expect(c.size).toEqual({ entries: 2, bytes: 8 });
    expect(c.get('a')).toBeUndefined();
    c.set('big', 'x'.repeat(11));
    expect(c.get('big')).toBeUndefined();
    c.set('b', 'y');
    expect(c.size).toEqual({ entries: 2, bytes: 5 });
    c.clear();
    expect(c.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps nothing with an entry bound of 0', () => {
    const c = new LruCache<string, number>({ maxEntries: 0, maxBytes: 100 });
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
  });
});

describe('memory bounds in the configuration', () => {
  it('defaults every bound, and refuses a buffer pool below 16 MiB', () => {
    const c = loadConfig({});
    expect(c.DB_BUFFER_POOL_MB).toBe(1024);
    expect(c.READ_CACHE_MAX_ENTRIES).toBeGreaterThan(0);
    expect(c.NODE_CACHE_MAX_ENTRIES).toBeGreaterThan(0);
    expect(loadConfig({ READ_CACHE_MAX_MB: '0' }).READ_CACHE_MAX_MB).toBe(0);
    expect(() => loadConfig({ DB_BUFFER_POOL_MB: '8' })).toThrow(/DB_BUFFER_POOL_MB/);
    expect(() => loadConfig({ NODE_CACHE_MAX_ENTRIES: 'many' })).toThrow(/NODE_CACHE_MAX_ENTRIES/);
  });
});
