import { ERROR_STATUS, type ErrorCode } from '../contract/errors.js';

/**
 * The one error type the API answers with. `code` goes into the envelope and picks the HTTP
 * status; `details` carries machine-readable specifics (such as zod issues).
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }

  get details(): unknown {
    return this.options.details;
  }
}
