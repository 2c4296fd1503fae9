import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../../lib/app-error.js';

/** Driver-side codes (no server involved) for a server that cannot be reached or went away. */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * A transaction stopped by its timeout. Neo4j 5 reports the client-set timeout as
 * TransactionTimedOutClientConfiguration; a query already stopped may surface as Terminated
 * or, while waiting for a lock, LockClientStopped.
 */
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** `(line 1, column 10 (offset: 9))` in Neo4j's messages, as a 1-based line and column. */
export function syntaxPosition(message: string): { line: number; column: number } | undefined {
  const m = /line (\d+), column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** The error's Neo4j status code (`Neo.ClientError...`, or the driver's own), if it has one. */
export function neo4jCode(err: unknown): string | undefined {
  if (err instanceof Neo4jError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first line of a Neo4j message; the rest repeats the query with a caret under it. */
function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]?.trim() || message;
}

/**
 * Failures that are about the database, not the query: unreachable, restarting, refused
 * credentials, a missing database. Every adapter call maps these to 503 BACKEND_UNAVAILABLE;
 * anything else is left for the caller (the console maps it, the explorer answers 500).
 */
export function backendFailure(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const code = neo4jCode(err);
  if (!code) return undefined;
  if (UNREACHABLE.has(code) || code.startsWith('Neo.TransientError.')) {
    return new AppError('BACKEND_UNAVAILABLE', `Neo4j is unavailable: ${firstLine(err)}`, {
      cause: err,
    });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new AppError(
      'BACKEND_UNAVAILABLE',
      'Neo4j refused the configured credentials (NEO4J_USER / NEO4J_PASSWORD)',
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new AppError('BACKEND_UNAVAILABLE', `Neo4j: ${firstLine(err)} (NEO4J_DATABASE)`, {
      cause: err,
    });
  }
  return undefined;
}

/** Maps a failure of an explorer query: backend failures to 503, the rest unchanged (500). */
export function mapStoreError(err: unknown): unknown {
  return backendFailure(err) ?? err;
}

/**
 * Maps a failure of a console query to the API's codes: syntax and binding errors to
 * QUERY_SYNTAX with the position, the transaction timeout to QUERY_TIMEOUT, a write attempted
 * in a READ transaction or a forbidden action to QUERY_REJECTED, other statement errors to
 * QUERY_FAILED, and an unreachable server to BACKEND_UNAVAILABLE.
 */
export function mapConsoleError(err: unknown, timeoutMs: number): AppError {
  const code = neo4jCode(err) ?? '';
  const message = firstLine(err);
  if (TIMED_OUT.has(code)) {
    return new AppError(
      'QUERY_TIMEOUT',
      `the query ran longer than ${timeoutMs} ms and was stopped`,
      { cause: err },
    );
  }
  const backend = backendFailure(err);
  if (backend) return backend;
  if (code === 'Neo.ClientError.Statement.SyntaxError' || code.endsWith('ParameterMissing')) {
    const at = syntaxPosition(err instanceof Error ? err.message : String(err));
    return new AppError('QUERY_SYNTAX', message, {
      cause: err,
      ...(at ? { details: { position: at } } : {}),
    });
  }
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code.startsWith('Neo.ClientError.Security')
  ) {
    return new AppError('QUERY_REJECTED', `the console runs read-only queries: ${message}`, {
      cause: err,
    });
  }
  return new AppError('QUERY_FAILED', message, { cause: err });
}

/**
 * A start-up failure said plainly: which setting to check. Credentials name NEO4J_USER (the
 * password is never echoed); an unreachable server names NEO4J_URI.
 */
export function startupError(
  err: unknown,
  settings: { uri: string; user: string; database: string },
): Error {
  const code = neo4jCode(err);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new Error(
      `Neo4j at ${settings.uri} refused the credentials of NEO4J_USER=${settings.user}: check NEO4J_USER and NEO4J_PASSWORD`,
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Error(
      `Neo4j at ${settings.uri} has no database NEO4J_DATABASE=${settings.database} (Neo4j Community has only "neo4j")`,
      { cause: err },
    );
  }
  return new Error(`could not reach Neo4j at NEO4J_URI=${settings.uri}: ${firstLine(err)}`, {
    cause: err,
  });
}
