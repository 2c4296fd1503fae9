import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorEnvelope } from '../../contract/errors.js';
import { AppError } from '../../lib/app-error.js';
import { projectRoot } from '../../lib/project-root.js';

const KB = 1024;
const ROOT = projectRoot();
const STACK_FRAME = /^\s+at .*$/gm;
// Absolute paths under the usual roots (the project, temp, home, system folders) or node_modules.
const FILE_PATH =
  /(?:[A-Za-z]:)?(?:\/(?:home|root|tmp|var|usr|opt|etc|srv|app|work|private|Users)|[\w.-]*node_modules)(?:\/[\w.@+-]+)+\/?/g;

/** A client error's message as sent: no stack frames, no file paths, at most 2,000 chars. */
export function publicMessage(message: string): string {
  const text = message
    .split(ROOT)
    .join('<server>')
    .replace(STACK_FRAME, '')
    .replace(FILE_PATH, '<path>')
    .trimEnd();
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text || 'bad request';
}

/**
 * Errors from express.json() and the router carry a `type` and an HTTP status; their own
 * messages can name files or internals, so each gets a fixed message of ours.
 */
function requestError(err: unknown): AppError | undefined {
  const e = err as { type?: string; status?: number; statusCode?: number; limit?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_REQUEST', 'malformed JSON body');
    case 'entity.too.large': {
      const limit = typeof e.limit === 'number' ? ` (at most ${Math.round(e.limit / KB)} kB)` : '';
      return new AppError('PAYLOAD_TOO_LARGE', `request body too large${limit}`);
    }
    case 'charset.unsupported':
      return new AppError('INVALID_REQUEST', 'unsupported charset: send UTF-8 JSON');
    case 'encoding.unsupported':
      return new AppError('INVALID_REQUEST', 'unsupported Content-Encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('INVALID_REQUEST', 'incomplete request body');
  }
  if (err instanceof URIError) return new AppError('INVALID_REQUEST', 'malformed URL encoding');
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new AppError('NOT_FOUND', 'not found');
    if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'request too large');
    return new AppError('INVALID_REQUEST', 'bad request');
  }
  return undefined;
}

/** What a 5xx says: a fixed sentence per code; the cause goes to the log only. */
const SERVER_MESSAGES: Record<string, string> = {
  BACKEND_UNAVAILABLE: 'the database is unavailable; try again shortly',
};

/**
 * The one place errors become responses: `{ error: { code, message, details? } }`. Server
 * errors answer a fixed message; client errors answer their message without stack frames or
 * file paths (publicMessage). Causes are logged, never sent.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = err instanceof AppError ? err : requestError(err);
    const error = known ?? new AppError('INTERNAL', 'internal error', { cause: err });
    const log = { err, requestId: res.locals.requestId, code: error.code };
    if (error.status >= 500) logger.error(log, error.message);
    else logger.debug(log, error.message);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const serverError = error.status >= 500;
    const body: ErrorEnvelope = {
      error: {
        code: error.code,
        message: serverError
          ? (SERVER_MESSAGES[error.code] ?? 'internal error')
          : publicMessage(error.message),
        ...(error.details === undefined || serverError ? {} : { details: error.details }),
      },
    };
    res.status(error.status).json(body);
  };
}

/** Unknown API paths answer NOT_FOUND in the envelope, not Express's HTML page. */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    next(new AppError('NOT_FOUND', `no route ${req.method} ${req.baseUrl}${req.path}`));
  };
}
