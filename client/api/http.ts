import type { z } from 'zod';
import { type ErrorCode, ErrorEnvelopeSchema } from '../../server/contract/index.js';

/** Failures found on this side of the wire: no answer, a non-envelope error, a drifted answer. */
export type ClientErrorCode = 'NETWORK' | 'HTTP' | 'CONTRACT';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** An API failure the UI can show as is: the server's error code and message, or a transport fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    /** The envelope's `details`, e.g. `{ position: { line, column } }` for QUERY_SYNTAX. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Sends one request and validates the answer with the route's response schema, so a server
 * that drifts from the contract fails loudly here rather than deep inside the view.
 */
export async function requestJson<S extends z.ZodType>(
  fetcher: Fetcher,
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetcher(url, init);
  } catch (cause) {
    throw new ApiError('NETWORK', `Cannot reach the server (${String(cause)})`, 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const envelope = ErrorEnvelopeSchema.safeParse(body);
    if (envelope.success) {
      throw new ApiError(
        envelope.data.error.code,
        envelope.data.error.message,
        res.status,
        envelope.data.error.details,
      );
    }
    throw new ApiError('HTTP', `The server answered ${res.status} ${res.statusText}`, res.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : 'unknown';
    throw new ApiError('CONTRACT', `Unexpected response from ${url} (${where})`, res.status);
  }
  return parsed.data;
}

/**
 * A 401 or 403 said in terms of the route's role: who may do this and what to do about it.
 * Other refusals (a wrong CSRF token, a token stronger than its creator) keep the server's words.
 */
export function explainAccess(err: unknown, access: string): unknown {
  if (!(err instanceof ApiError) || access === 'public') return err;
  if (err.status === 401) {
    const who = access === 'guest' ? 'a signed-in user' : `the ${access} role or above`;
    return new ApiError(err.code, `This needs ${who}: sign in.`, 401, err.details);
  }
  // Only the route's own rule; a use case's 403 (a token stronger than you) says its reason.
  if (err.status === 403 && /needs the \w+ role/.test(err.message)) {
    const you = /you are (\w+)/.exec(err.message)?.[1];
    const now = you ? `; you are signed in as ${you}` : '';
    return new ApiError(
      err.code,
      `This needs the ${access} role or above${now}.`,
      403,
      err.details,
    );
  }
  return err;
}

/** Fills an Express-style path (`/api/nodes/:id`) and appends a query string without empty values. */
export function buildUrl(
  path: string,
  params: Record<string, string> = {},
  query: Record<string, string | number | readonly string[] | undefined> = {},
): string {
  const filled = path.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) qs.set(key, value.join(','));
    } else {
      qs.set(key, String(value));
    }
  }
  const text = qs.toString();
  return text ? `${filled}?${text}` : filled;
}
