import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Gives memory back once the server goes quiet. Under load V8 grows its heap to a multiple of
 * what is alive and keeps it committed long after the load ends (the world data lives in about
 * 100 MB of heap; after 200 connections the heap holds 180–250 MB). When no request has come
 * for `idleMs` and the heap has grown by more than `slackBytes` since the last collection, one
 * full collection runs, which lets V8 release the pages it no longer needs. It never runs while
 * requests are arriving, and not again until the heap has grown again.
 */
export interface IdleCollectorOptions {
  idleMs: number;
  slackBytes: number;
  /** A full garbage collection (see `fullCollection`). */
  collect: () => void;
  /** The V8 heap's committed bytes now. */
  heapBytes?: () => number;
  now?: () => number;
  /** How often to look; defaults to a quarter of `idleMs`, at least 250 ms. */
  checkEveryMs?: number;
}

export interface IdleCollector {
  /** A request came in. */
  touch(): void;
  /** Looks once (the timer calls this); true when it collected. */
  check(): boolean;
  stop(): void;
  readonly collections: number;
}

export function idleCollector(options: IdleCollectorOptions): IdleCollector {
  const now = options.now ?? Date.now;
  const heapBytes = options.heapBytes ?? (() => process.memoryUsage().heapTotal);
  let last = now();
  let base = heapBytes();
  let collections = 0;
  const check = () => {
    if (now() - last < options.idleMs) return false;
    if (heapBytes() - base <= options.slackBytes) return false;
    options.collect();
    collections += 1;
    base = heapBytes();
    return true;
  };
  const every = options.checkEveryMs ?? Math.max(250, Math.floor(options.idleMs / 4));
  const timer = setInterval(check, every);
  timer.unref();
  return {
    touch() {
      last = now();
    },
    check,
    stop() {
      clearInterval(timer);
    },
    get collections() {
      return collections;
    },
  };
}

/**
 * V8's full collection, without starting Node with --expose-gc: the flag is set at run time and
 * the `gc` function is taken from a fresh context, which V8 creates with it installed.
 */
export function fullCollection(): () => void {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('V8 did not expose gc');
  return gc as () => void;
}
