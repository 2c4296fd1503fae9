import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { today } from '../../contract/time.js';
import type { GraphStore } from '../../store/graph-store.js';
import { type LruBounds, LruCache } from '../../store/lru-cache.js';
import { acceptsGzip, COMPRESS_MIN_BYTES } from './compression.js';

/**
 * The data version: a boot id and a counter that every import moves on, so that answers
 * keyed by it are exact for as long as this process owns the data (the embedded backend).
 */
export interface DataVersion {
  current(): string;
  /** The store whose `importGraph` moves the version on (use it in place of the store). */
  store: GraphStore;
}

/** Wraps a store so that every import, finished or failed, moves the data version on. */
export function trackDataVersion(store: GraphStore): DataVersion {
  const boot = randomBytes(4).toString('hex');
  let n = 0;
  const tracked: GraphStore = Object.create(store);
  // Every write verb of the port: the bundle import and, where the port has it, the stream.
  for (const verb of ['importGraph', 'importStream']) {
    const write = (store as unknown as Record<string, unknown>)[verb];
    if (typeof write !== 'function') continue;
    Object.defineProperty(tracked, verb, {
      value: async (...args: unknown[]) => {
        try {
          return await write.apply(store, args);
        } finally {
          n += 1;
        }
      },
    });
  }
  return { current: () => `${boot}.${n}`, store: tracked };
}

interface Cached {
  json: Buffer;
  gzip: Buffer | null;
}

/**
 * Answers of the read routes, keyed by the data version, the date (an absent `asOf` means
 * today) and the request's URL; each kept as JSON text and gzip, so a repeat is neither
 * computed nor serialised nor compressed again. Bounded by entries and bytes (config.ts).
 */
export class ReadCache {
  private readonly lru: LruCache<string, Cached>;
  /** Answers being computed: a burst of the same request computes it once. */
  private readonly pending = new Map<string, Promise<Cached>>();

  constructor(
    private readonly version: DataVersion,
    bounds: LruBounds,
  ) {
    this.lru = new LruCache(bounds, (c) => c.json.length + (c.gzip?.length ?? 0));
  }

  get size() {
    return this.lru.size;
  }

  /**
   * Sends the answer for this request: 304 when `If-None-Match` holds the current ETag, the
   * kept bytes when there are some, else the use case's result (then kept). Call it after
   * access and input checks.
   */
  async answer(req: Request, res: Response, run: () => Promise<unknown>): Promise<void> {
    const version = this.version.current();
    const key = createHash('sha256')
      .update(`${version}\n${today()}\n${req.originalUrl}`)
      .digest('base64url')
      .slice(0, 27);
    // Weak: the gzip and identity bodies are the same answer in two encodings.
    res.setHeader('ETag', `W/"${key}"`);
    res.setHeader('Cache-Control', 'no-cache');
    res.vary('Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    let hit = this.lru.get(key);
    if (!hit) {
      let computing = this.pending.get(key);
      if (!computing) {
        computing = run().then((value): Cached => {
          const json = Buffer.from(JSON.stringify(value));
          const gzip = json.length >= COMPRESS_MIN_BYTES ? gzipSync(json, { level: 6 }) : null;
          // Only an answer of the version it was asked under is kept.
          if (this.version.current() === version) this.lru.set(key, { json, gzip });
          return { json, gzip };
        });
        this.pending.set(key, computing);
        const forget = () => this.pending.delete(key);
        computing.then(forget, forget);
      }
      hit = await computing;
    }
    res.type('application/json');
    if (hit.gzip && acceptsGzip(req)) {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(hit.gzip);
    } else res.send(hit.json);
  }
}
