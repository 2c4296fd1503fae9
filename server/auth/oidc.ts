import * as client from 'openid-client';
import { ROLES, type Role, roleAtLeast } from '../contract/auth.js';
import { AppError } from '../lib/app-error.js';
import type { AccountStore, StoredAccount } from '../store/account-store.js';
import type { Auth } from './auth-service.js';
import { newId } from './secrets.js';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends users back: `<public url>/api/auth/oidc/callback`. */
  redirectUrl: string;
  /** The ID token or userinfo claim holding the user's groups or roles (default `roles`). */
  roleClaim: string;
  /** Claim values to roles, e.g. `{ 'entente-admins': 'admin' }`; the highest match wins. */
  roleMap: Record<string, Role>;
  /** The role of a user whose claim maps to nothing (guest: refused). */
  defaultRole: Role;
}

/** `a=admin,b=analyst` as a role map; unknown roles are refused at start-up. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const role = pair.slice(eq + 1).trim() as Role;
    if (eq <= 0 || !ROLES.includes(role))
      throw new Error(`OIDC_ROLE_MAP: "${pair}" is not value=role`);
    map[pair.slice(0, eq).trim()] = role;
  }
  return map;
}

/** The highest role the claim's values map to, or the default. */
export function roleFromClaim(
  value: unknown,
  options: Pick<OidcOptions, 'roleMap' | 'defaultRole'>,
): Role {
  const values = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  let best: Role | undefined;
  for (const v of values) {
    const role = options.roleMap[v];
    if (role && (!best || roleAtLeast(role, best))) best = role;
  }
  return best ?? options.defaultRole;
}

const STATE_PREFIX = 'oidc-state:';
const STATE_TTL_MS = 10 * 60_000;

/**
 * OpenID Connect sign-in with openid-client: authorization code flow with PKCE, state and
 * nonce. What a sign-in in progress needs (state, nonce, code verifier) is kept in the
 * accounts store, so any app server can finish a sign-in another one started. The user's
 * role comes from a claim on every sign-in, so the identity provider stays the authority.
 */
export function createOidc(options: OidcOptions, auth: Auth, accounts: AccountStore) {
  let config: Promise<client.Configuration> | undefined;
  const issuer = new URL(options.issuer);
  const insecure = issuer.protocol === 'http:';
  const configuration = () => {
    config ??= client
      .discovery(issuer, options.clientId, options.clientSecret, undefined, {
        // Plain http only where the issuer itself is http (a provider on this machine).
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        config = undefined;
        throw new AppError('BACKEND_UNAVAILABLE', 'the identity provider did not answer', {
          cause: err,
        });
      });
    return config;
  };

  return {
    /** Where to send the browser to sign in. */
    async loginUrl(): Promise<URL> {
      const cfg = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      await accounts.putSetting(
        STATE_PREFIX + state,
        JSON.stringify({ nonce, verifier, until: Date.now() + STATE_TTL_MS }),
      );
      return client.buildAuthorizationUrl(cfg, {
        redirect_uri: options.redirectUrl,
        scope: 'openid profile email',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
    },

    /** Finishes a sign-in from the provider's redirect: an account and a session. */
    async callback(currentUrl: URL) {
      const cfg = await configuration();
      const state = currentUrl.searchParams.get('state') ?? '';
      const saved = state ? await accounts.setting(STATE_PREFIX + state) : null;
      if (!saved)
        throw new AppError(
          'UNAUTHORIZED',
          'this sign-in expired or was not started here; try again',
        );
      await accounts.deleteSetting(STATE_PREFIX + state);
      const { nonce, verifier, until } = JSON.parse(saved) as {
        nonce: string;
        verifier: string;
        until: number;
      };
      if (Date.now() > until) throw new AppError('UNAUTHORIZED', 'this sign-in expired; try again');
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
          pkceCodeVerifier: verifier,
          expectedNonce: nonce,
          expectedState: state,
          idTokenExpected: true,
        });
        claims = { ...(tokens.claims() ?? {}) };
        if (tokens.access_token && claims[options.roleClaim] === undefined) {
          const info = await client.fetchUserInfo(cfg, tokens.access_token, String(claims.sub));
          claims = { ...info, ...claims, [options.roleClaim]: info[options.roleClaim] };
        }
      } catch (err) {
        throw new AppError('UNAUTHORIZED', 'the identity provider did not confirm this sign-in', {
          cause: err,
        });
      }
      const role = roleFromClaim(claims[options.roleClaim], options);
      if (role === 'guest')
        throw new AppError('FORBIDDEN', 'your identity provider grants you no Entente role');
      const subject = `${issuer.href}|${String(claims.sub)}`;
      const name = String(claims.preferred_username ?? claims.email ?? claims.sub).slice(0, 60);
      let account = await accounts.accountBySubject(subject);
      if (account) {
        if (account.disabled) throw new AppError('UNAUTHORIZED', 'this account is disabled');
        if (account.role !== role) {
          await accounts.updateAccount(account.id, { role, passwordHash: null, disabled: false });
          account = { ...account, role };
        }
      } else {
        const taken = await accounts.accountByUsername(name);
        const created: StoredAccount = {
          id: newId('usr'),
          username: taken ? `${name}.sso` : name,
          role,
          source: 'oidc',
          disabled: false,
          passwordHash: null,
          subject,
          createdAt: new Date().toISOString(),
        };
        await accounts.createAccount(created);
        account = created;
      }
      return auth.sessionFor(account);
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
