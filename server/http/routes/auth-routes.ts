import { type Request, type Response, Router } from 'express';
import type { Auth, Principal } from '../../auth/auth-service.js';
import type { Oidc } from '../../auth/oidc.js';
import { routes } from '../../contract/routes.js';
import { AppError } from '../../lib/app-error.js';
import { audit } from '../audit.js';
import { handle, requireAccess } from '../handle.js';
import { principalOf, sessionCookie } from '../middleware/authenticate.js';

export interface AuthRouteOptions {
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** OpenID Connect sign-in, when configured. */
  oidc?: Oidc;
}

/**
 * Sign-in, sign-out, first-admin set-up, personal API tokens, user administration and the
 * audit trail. Every change is audited, sign-in failures included.
 */
export function authRoutes(auth: Auth, { secureCookies, oidc }: AuthRouteOptions): Router {
  const r = Router();
  const setCookie = (res: Response, value: string, maxAgeMs: number) =>
    res.setHeader('Set-Cookie', sessionCookie(value, maxAgeMs, secureCookies));

  r.get(
    routes.session.path,
    handle(routes.session, (_in, _req, res) => auth.describe(principalOf(res))),
  );

  /**
   * Starts a session for a sign-in (`start`), sets its cookie and audits it; a failure is
   * audited under the name that was tried.
   */
  const signIn = async (
    req: Request,
    res: Response,
    action: string,
    username: string,
    start: () => Promise<{ cookie: string; maxAgeMs: number; principal: Principal }>,
    details: Record<string, string> = {},
  ) => {
    try {
      const session = await start();
      setCookie(res, session.cookie, session.maxAgeMs);
      res.locals.principal = session.principal;
      await audit(auth, req, res, action, 'ok', details);
      return auth.describe(session.principal);
    } catch (err) {
      await audit(auth, req, res, action, 'failed', {}, { id: null, username });
      throw err;
    }
  };

  r.post(
    routes.login.path,
    handle(routes.login, ({ body }, req, res) =>
      signIn(req, res, 'auth.login', body.username, () => auth.login(body.username, body.password)),
    ),
  );

  r.post(
    routes.logout.path,
    handle(routes.logout, async (_in, req, res) => {
      const principal = principalOf(res);
      await auth.logout(principal);
      setCookie(res, '', 0);
      if (principal.user) await audit(auth, req, res, 'auth.logout', 'ok');
      return { ok: true as const };
    }),
  );

  r.post(
    routes.setup.path,
    handle(routes.setup, ({ body }, req, res) =>
      signIn(
        req,
        res,
        'auth.setup',
        body.username,
        () => auth.setup(body.token, body.username, body.password),
        { username: body.username },
      ),
    ),
  );

  if (oidc) {
    // Browser redirects rather than JSON: the provider's page sits between the two.
    r.get('/api/auth/oidc/login', async (_req, res) => {
      res.redirect(302, (await oidc.loginUrl()).href);
    });
    r.get('/api/auth/oidc/callback', async (req, res) => {
      const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      try {
        const session = await oidc.callback(url);
        setCookie(res, session.cookie, session.maxAgeMs);
        res.locals.principal = session.principal;
        await audit(auth, req, res, 'auth.oidc', 'ok');
        res.redirect(302, '/');
      } catch (err) {
        await audit(auth, req, res, 'auth.oidc', 'failed', {
          error: err instanceof AppError ? err.code : 'INTERNAL',
        });
        throw err;
      }
    });
  }

  r.get(
    routes.tokens.path,
    handle(routes.tokens, async (_in, _req, res) => ({
      tokens: await auth.listTokens(principalOf(res)),
    })),
  );
  r.post(
    routes.createToken.path,
    handle(routes.createToken, async ({ body }, req, res) => {
      const created = await auth.createToken(
        principalOf(res),
        body.name,
        body.role,
        body.expiresInDays,
      );
      await audit(auth, req, res, 'token.create', 'ok', {
        token: created.info.id,
        name: body.name,
        role: created.info.role,
        expiresAt: created.info.expiresAt,
      });
      return created;
    }),
  );
  r.delete(
    routes.revokeToken.path,
    handle(routes.revokeToken, async ({ params }, req, res) => {
      const token = await auth.revokeToken(principalOf(res), params.id);
      await audit(auth, req, res, 'token.revoke', 'ok', { token: token.id, owner: token.userId });
      return { ok: true as const };
    }),
  );

  r.get(
    routes.users.path,
    handle(routes.users, async () => ({ users: await auth.listUsers() })),
  );
  r.post(
    routes.createUser.path,
    handle(routes.createUser, async ({ body }, req, res) => {
      const user = await auth.createUser(body.username, body.password, body.role);
      await audit(auth, req, res, 'user.create', 'ok', {
        user: user.id,
        username: user.username,
        role: user.role,
      });
      return user;
    }),
  );
  r.patch(
    routes.updateUser.path,
    handle(routes.updateUser, async ({ params, body }, req, res) => {
      const user = await auth.updateUser(params.id, body);
      await audit(auth, req, res, 'user.update', 'ok', {
        user: user.id,
        role: body.role ?? null,
        disabled: body.disabled ?? null,
        passwordChanged: body.password !== undefined,
      });
      return user;
    }),
  );
  r.delete(
    routes.deleteUser.path,
    handle(routes.deleteUser, async ({ params }, req, res) => {
      const gone = await auth.deleteUser(params.id, principalOf(res));
      await audit(auth, req, res, 'user.delete', 'ok', { user: gone.id, username: gone.username });
      return { ok: true as const };
    }),
  );

  r.get(
    routes.audit.path,
    handle(routes.audit, async ({ query }) => ({ entries: await auth.listAudit(query) })),
  );
  // The same entries as JSON lines, one per line, for log shippers and spreadsheets.
  r.get(`${routes.audit.path}/export`, requireAccess(routes.audit), async (req, res) => {
    const parsed = routes.audit.query.safeParse(req.query);
    if (!parsed.success) throw new AppError('INVALID_REQUEST', 'invalid audit filter');
    const entries = await auth.listAudit({ ...parsed.data, limit: parsed.data.limit });
    res.type('application/x-ndjson');
    res.setHeader('Content-Disposition', 'attachment; filename="entente-audit.jsonl"');
    res.send(entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
  });
  return r;
}
