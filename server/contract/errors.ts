import { z } from 'zod';

/** Every error code the API answers with, and the HTTP status that goes with it. */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  QUERY_SYNTAX: 400,
  QUERY_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  QUERY_REJECTED: 403,
  NOT_FOUND: 404,
  NO_PATH: 404,
  QUERY_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  BACKEND_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** The one error envelope: `{ error: { code, message, details? } }`. */
export const ErrorEnvelopeSchema = z.strictObject({
  error: z.strictObject({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
