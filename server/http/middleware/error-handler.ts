import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorEnvelope } from '../../contract/errors.js';
import { AppError } from '../../lib/app-error.js';

/** Errors from express.json() carry a `type` and an HTTP status. */
function bodyParserError(err: unknown): AppError | undefined {
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') {
    return new AppError('INVALID_REQUEST', `malformed JSON body: ${e.message ?? ''}`.trim());
  }
  if (e?.type === 'entity.too.large')
    return new AppError('PAYLOAD_TOO_LARGE', 'request body too large');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError('INVALID_REQUEST', e.message ?? 'bad request');
  }
  return undefined;
}

/** The one place errors become responses: `{ error: { code, message, details? } }`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = err instanceof AppError ? err : bodyParserError(err);
    const error = known ?? new AppError('INTERNAL', 'internal error', { cause: err });
    const log = { err, requestId: res.locals.requestId, code: error.code };
    if (error.status >= 500) logger.error(log, error.message);
    else logger.debug(log, error.message);
    const body: ErrorEnvelope = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
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
