import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe (cookie values, API tokens, set-up tokens, CSRF tokens). */
export const secret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** A new id with a prefix naming what it is (`usr_…`, `tok_…`, `aud_…`). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** How secrets are stored: their SHA-256, so a leaked store gives no working secret. */
export const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** Compares two strings without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
