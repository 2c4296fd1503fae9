import pino from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import { type AppDeps, createApp } from '../../server/app.js';
import type { Role } from '../../server/contract/auth.js';
import { type ErrorCode, ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { testAuth, tokenFor } from './auth.js';
import { embeddedStore } from './embedded.js';
import { TINY_SEEDS } from './paths.js';

/**
 * The real app over a real embedded store seeded from seeds/tiny, with real accounts in
 * memory. `http()` calls as a guest; `as(role)` as a user of that role with a bearer token.
 */
export async function tinyApp(options: Partial<Omit<AppDeps, 'store' | 'auth'>> = {}) {
  const store: GraphStore = await embeddedStore(TINY_SEEDS);
  const auth = await testAuth();
  const app = createApp({ store, auth, logger: pino({ level: 'silent' }), ...options });
  const tokens = new Map<Role, string>();
  const as = async (role: Exclude<Role, 'guest'>) => {
    const token = tokens.get(role) ?? (await tokenFor(auth, role));
    tokens.set(role, token);
    return bearer(app, token);
  };
  return { app, store, auth, http: () => request(app), as };
}

/** supertest calls that carry `Authorization: Bearer <token>`. */
export function bearer(app: Parameters<typeof request>[0], token: string) {
  const h = { Authorization: `Bearer ${token}` };
  return {
    get: (url: string) => request(app).get(url).set(h),
    post: (url: string) => request(app).post(url).set(h),
    patch: (url: string) => request(app).patch(url).set(h),
    delete: (url: string) => request(app).delete(url).set(h),
  };
}

/** Asserts the one error envelope with this status and code. */
export function expectError(res: request.Response, status: number, code: ErrorCode) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = ErrorEnvelopeSchema.parse(res.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}
