import type { ErrorCode } from '../../contract/errors.js';
import type { Json, QueryResponse } from '../../contract/query.js';
import type { QueryLimits } from '../graph-store.js';

/** A console query sent to a worker process. */
export interface WorkerRequest {
  id: number;
  cypher: string;
  params: Record<string, Json>;
  limits: QueryLimits;
}

/** A worker's answer: ready once started, then one reply per request. */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: QueryResponse }
  | { id: number; error: { code: ErrorCode; message: string; details?: unknown } };
