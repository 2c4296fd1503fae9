import { describe, expect, it } from 'vitest';
import { createApi } from '../../../client/api/client.js';
import { ApiError } from '../../../client/api/http.js';
import { auditQuery, NO_AUDIT_FILTER } from '../../../client/state/admin.js';
import {
  can,
  setupTokenOf,
  showSetupNotice,
  tokenRoles,
  UNKNOWN_SESSION,
} from '../../../client/state/session.js';
import type { SessionResponse } from '../../../server/contract/index.js';

function answering(status: number, body: unknown) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetcher };
}
const header = (init: RequestInit | undefined, name: string) =>
  (init?.headers as Record<string, string> | undefined)?.[name];

const user = (role: SessionResponse['role']): SessionResponse => ({
  ...UNKNOWN_SESSION,
  role,
  csrfToken: 'c',
  user: {
    id: 'usr_abcdefgh',
    username: 'dana',
    role,
    source: 'local',
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
});

describe('the API client and the session', () => {
  it('sends the CSRF token on every non-GET request, never on a GET', async () => {
    const { calls, fetcher } = answering(200, { ok: true });
    const api = createApi(fetcher, { csrfToken: () => 'tok-123' });
    await api.logout();
    await api.revokeToken('tok_abcdefgh');
    expect(calls.map((c) => [c.init?.method, c.url, header(c.init, 'x-csrf-token')])).toEqual([
      ['POST', '/api/auth/logout', 'tok-123'],
      ['DELETE', '/api/auth/tokens/tok_abcdefgh', 'tok-123'],
    ]);
    const reads = answering(200, { tokens: [] });
    await createApi(reads.fetcher, { csrfToken: () => 'tok-123' }).tokens();
    expect(header(reads.calls[0]?.init, 'x-csrf-token')).toBeUndefined();
  });

  it('sends no CSRF header for a guest and PATCHes user changes as JSON', async () => {
    const { calls, fetcher } = answering(500, {});
    await createApi(fetcher, { csrfToken: () => null })
      .updateUser('usr_abcdefgh', { role: 'analyst' })
      .catch(() => undefined);
    expect(calls[0]?.init?.method).toBe('PATCH');
    expect(calls[0]?.url).toBe('/api/users/usr_abcdefgh');
    expect(header(calls[0]?.init, 'x-csrf-token')).toBeUndefined();
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ role: 'analyst' });
  });

  it('says which role a 401 or 403 needs', async () => {
    const unauth = answering(401, {
      error: { code: 'UNAUTHORIZED', message: 'sign in to use this' },
    });
    const e401 = (await createApi(unauth.fetcher)
      .query('RETURN 1 AS x', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(e401).toBeInstanceOf(ApiError);
    expect(e401.message).toBe('This needs the analyst role or above: sign in.');
    const forbid = answering(403, {
      error: { code: 'FORBIDDEN', message: 'this needs the admin role; you are analyst' },
    });
    const e403 = (await createApi(forbid.fetcher)
      .users()
      .catch((e: unknown) => e)) as ApiError;
    expect(e403.message).toBe('This needs the admin role or above; you are signed in as analyst.');
    expect(e403.code).toBe('FORBIDDEN');
    const csrf = answering(403, {
      error: {
        code: 'FORBIDDEN',
        message: 'missing or wrong x-csrf-token header for this session',
      },
    });
    const e = (await createApi(csrf.fetcher)
      .logout()
      .catch((x: unknown) => x)) as ApiError;
    expect(e.message).toMatch(/x-csrf-token/);
  });

  it('reports a lost session on a 401 while signed in, not on a wrong password', async () => {
    const { fetcher } = answering(401, { error: { code: 'UNAUTHORIZED', message: 'sign in' } });
    let lost = 0;
    const signedIn = createApi(fetcher, { csrfToken: () => 'c', onSessionLost: () => lost++ });
    await signedIn.tokens().catch(() => undefined);
    expect(lost).toBe(1);
    await signedIn.login({ username: 'dana', password: 'wrong' }).catch(() => undefined);
    expect(lost).toBe(1);
    const guest = createApi(fetcher, { csrfToken: () => null, onSessionLost: () => lost++ });
    await guest.query('RETURN 1 AS x', {}).catch(() => undefined);
    expect(lost).toBe(1);
  });

  it('decides what each role may use', () => {
    expect(can(UNKNOWN_SESSION, 'analyst')).toBe(false);
    expect(can(UNKNOWN_SESSION, 'guest')).toBe(true);
    expect(can({ ...UNKNOWN_SESSION, guestAccess: false }, 'guest')).toBe(false);
    expect(can(user('viewer'), 'analyst')).toBe(false);
    expect(can(user('analyst'), 'analyst')).toBe(true);
    expect(can(user('admin'), 'analyst')).toBe(true);
    expect(tokenRoles('analyst')).toEqual(['viewer', 'analyst']);
    expect(tokenRoles('admin')).toEqual(['viewer', 'analyst', 'editor', 'admin']);
    expect(showSetupNotice({ ...UNKNOWN_SESSION, setupPending: true })).toBe(true);
    expect(showSetupNotice({ ...user('admin'), setupPending: true })).toBe(false);
  });

  it('reads the set-up token only from a /setup link', () => {
    expect(setupTokenOf('/setup', '#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(setupTokenOf('/setup/', '#token=abc')).toBe('abc');
    expect(setupTokenOf('/setup', '')).toBe('');
    expect(setupTokenOf('/', '#token=abc')).toBeNull();
  });

  it('turns the audit form into the route query, blanks left out, "to" inclusive', () => {
    expect(auditQuery(NO_AUDIT_FILTER)).toEqual({
      action: undefined,
      user: undefined,
      outcome: undefined,
      from: undefined,
      to: undefined,
    });
    expect(
      auditQuery({
        action: ' auth.login ',
        user: 'dana',
        outcome: 'failed',
        from: '2026-01-01',
        to: '2026-01-31',
      }),
    ).toEqual({
      action: 'auth.login',
      user: 'dana',
      outcome: 'failed',
      from: '2026-01-01',
      to: '2026-01-31T23:59:59.999Z',
    });
  });
});
