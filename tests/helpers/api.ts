import pino from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../server/app.js';
import { type ErrorCode, ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import type { GraphStore, QueryLimits } from '../../server/store/graph-store.js';
import { embeddedStore } from './embedded.js';
import { TINY_SEEDS } from './paths.js';

/** The real app over a real embedded store seeded from seeds/tiny. */
export async function tinyApp(options: { queryLimits?: QueryLimits } = {}) {
  const store: GraphStore = await embeddedStore(TINY_SEEDS);
  const app = createApp({ store, logger: pino({ level: 'silent' }), ...options });
  return { app, store, http: () => request(app) };
}

/** Asserts the one error envelope with this status and code. */
export function expectError(res: request.Response, status: number, code: ErrorCode) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = ErrorEnvelopeSchema.parse(res.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}
