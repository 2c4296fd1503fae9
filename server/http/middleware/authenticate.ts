import type { RequestHandler, Response } from 'express';
import type { Auth, Principal } from '../../auth/auth-service.js';
import { AppError } from '../../lib/app-error.js';

export const SESSION_COOKIE = 'entente_session';

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The bearer token of an Authorization header, or undefined. */
function bearerOf(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+([A-Za-z0-9_-]{16,200})$/.exec(header.trim()) : null;
  return m?.[1];
}

/** Who the request comes from, as authenticate() found out (a guest before it runs). */
export function principalOf(res: Response): Principal {
  return (
    (res.locals.principal as Principal | undefined) ?? { user: null, role: 'guest', via: 'guest' }
  );
}

/**
 * Finds the caller from a bearer token (scripts) or the session cookie (the explorer), and
 * keeps it in `res.locals.principal` for the routes; anyone else is a guest. A bearer token
 * that is unknown, revoked or expired is refused with 401 rather than treated as a guest.
 */
export function authenticate(auth: Auth): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    const bearer = bearerOf(authorization);
    if (authorization && !bearer) {
      throw new AppError('UNAUTHORIZED', 'the Authorization header must be "Bearer <API token>"');
    }
    res.locals.principal = await auth.identify(
      cookieValue(req.get('cookie'), SESSION_COOKIE),
      bearer,
    );
    res.locals.guestAccess = auth.guestAccess;
    next();
  };
}

/** The Set-Cookie header value that carries a session, or ends it (maxAgeMs 0). */
export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
