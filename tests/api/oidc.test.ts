import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { type Auth, createAuth } from '../../server/auth/auth-service.js';
import { createOidc, parseRoleMap, roleFromClaim } from '../../server/auth/oidc.js';
import { AuditResponseSchema, SessionResponseSchema } from '../../server/contract/auth.js';
import { ErrorEnvelopeSchema } from '../../server/contract/errors.js';
import type { AccountStore } from '../../server/store/account-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { testAccounts, tokenFor } from '../helpers/auth.js';
import { embeddedStore } from '../helpers/embedded.js';
import { TINY_SEEDS } from '../helpers/paths.js';

/*
 * OpenID Connect sign-in end to end against a real provider (oidc-provider) started here:
 * the app redirects to it, the provider authenticates the user (the interaction step a
 * person would click through is answered by this test's own interaction handler), and the
 * app's callback exchanges the code, maps the roles claim and starts a session.
 */

const PEOPLE: Record<string, { preferred_username: string; roles: string[] }> = {
  ana: { preferred_username: 'ana', roles: ['staff', 'entente-analysts'] },
  bo: { preferred_username: 'bo', roles: ['staff'] },
};
/** Whom the provider signs in on its next interaction (a person typing their name). */
let signingIn = 'ana';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

let idp: Server;
let appServer: Server;
let appUrl = '';
let store: GraphStore;
let accounts: AccountStore;
let auth: Auth;

beforeAll(async () => {
  idp = createServer();
  const idpPort = await listen(idp);
  appServer = createServer();
  const appPort = await listen(appServer);
  appUrl = `http://127.0.0.1:${appPort}`;
  const issuer = `http://127.0.0.1:${idpPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'entente',
        client_secret: 'entente-test-secret-0123456789',
        redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'roles'], email: ['email'] },
    findAccount: async (_ctx, sub) => {
      const person = PEOPLE[sub];
      return person ? { accountId: sub, claims: async () => ({ sub, ...person }) } : undefined;
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['entente-test-cookie-key'] },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider', err));
  const handle = provider.callback();
  idp.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      // The person signs in and consents to what Entente asks for.
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: signingIn, clientId: 'entente' });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: signingIn }, consent: { grantId } },
        {
          mergeWithLastSubmission: false,
        },
      );
      return;
    }
    handle(req, res);
  });

  store = await embeddedStore(TINY_SEEDS);
  accounts = await testAccounts();
  auth = createAuth({ accounts, oidc: { enabled: true, label: 'Sign in with the test provider' } });
  const oidc = createOidc(
    {
      issuer,
      clientId: 'entente',
      clientSecret: 'entente-test-secret-0123456789',
      redirectUrl: `${appUrl}/api/auth/oidc/callback`,
      roleClaim: 'roles',
      roleMap: parseRoleMap('entente-analysts=analyst,entente-admins=admin'),
      defaultRole: 'viewer',
    },
    auth,
    accounts,
  );
  const app = createApp({ store, auth, oidc, logger: pino({ level: 'silent' }) });
  appServer.on('request', app);
}, 60_000);

afterAll(async () => {
  await new Promise((r) => idp?.close(r));
  await new Promise((r) => appServer?.close(r));
  await store?.close();
});

/** Follows redirects by hand, keeping each host's cookies, until the app sets its session. */
async function signInThroughProvider(): Promise<string> {
  const jars = new Map<string, Map<string, string>>();
  let url = `${appUrl}/api/auth/oidc/login`;
  for (let hop = 0; hop < 15; hop++) {
    const host = new URL(url).host;
    const jar = jars.get(host) ?? new Map<string, string>();
    jars.set(host, jar);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const session = jars.get(new URL(appUrl).host)?.get('entente_session');
    if (session && res.status === 302 && res.headers.get('location') === '/')
      return `entente_session=${session}`;
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`sign-in stopped at ${url} with ${res.status}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

const session = async (cookie: string) =>
  SessionResponseSchema.parse(
    await (await fetch(`${appUrl}/api/auth/session`, { headers: { cookie } })).json(),
  );

describe('OpenID Connect sign-in against a real provider', () => {
  it('maps a roles claim to the analyst role and starts a session that opens the console', async () => {
    signingIn = 'ana';
    const cookie = await signInThroughProvider();
    const me = await session(cookie);
    expect(me.user).toMatchObject({ username: 'ana', role: 'analyst', source: 'oidc' });
    expect(me.oidc).toEqual({ enabled: true, label: 'Sign in with the test provider' });
    const res = await fetch(`${appUrl}/api/query`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': String(me.csrfToken) },
      body: JSON.stringify({ cypher: 'MATCH (n:Nation) RETURN count(n) AS c' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }, 60_000);

  it('gives a user whose claim maps to nothing the default role, and signs the same person in again as one account', async () => {
    signingIn = 'bo';
    const first = await session(await signInThroughProvider());
    expect(first.user).toMatchObject({ username: 'bo', role: 'viewer' });
    const again = await session(await signInThroughProvider());
    expect(again.user?.id).toBe(first.user?.id);
    expect((await accounts.listAccounts()).filter((a) => a.username === 'bo')).toHaveLength(1);
  }, 60_000);

  it('refuses a callback it did not start, and audits sign-ins', async () => {
    const res = await fetch(`${appUrl}/api/auth/oidc/callback?code=forged&state=forged`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('UNAUTHORIZED');
    const admin = await tokenFor(auth, 'admin');
    const audit = AuditResponseSchema.parse(
      await (
        await fetch(`${appUrl}/api/audit?action=auth.oidc`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).json(),
    );
    expect(audit.entries.map((e) => e.outcome).sort()).toEqual(['failed', 'ok', 'ok', 'ok']);
  }, 60_000);
});

describe('role mapping', () => {
  it('takes the highest role any claim value maps to', () => {
    const options = {
      roleMap: parseRoleMap('a=viewer, b=admin, c=analyst'),
      defaultRole: 'guest' as const,
    };
    expect(roleFromClaim(['a', 'c'], options)).toBe('analyst');
    expect(roleFromClaim(['c', 'b', 'a'], options)).toBe('admin');
    expect(roleFromClaim('a c', options)).toBe('analyst');
    expect(roleFromClaim(undefined, options)).toBe('guest');
    expect(() => parseRoleMap('a=emperor')).toThrow(/not value=role/);
  });
});
