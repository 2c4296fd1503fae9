import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response. The built client is one module script, its
 * chunks and stylesheets, all from this origin: no inline script, no eval, no plugins, no
 * framing, no other origin. Allowances, each for a reason:
 * - `img-src data: blob:`: PNG and SVG exports are drawn through blob and data URLs;
 * - `style-src 'unsafe-inline'` (styles only, never script): CodeMirror (style-mod) writes its
 *   themes into `<style>` elements, cytoscape adds one `<style>` rule, and panels colour chips
 *   with `style` attributes (client/ui/dom.ts uses setAttribute). It can go once the editor
 *   gets a nonce (EditorView.cspNonce, with the server stamping one into index.html) and
 *   dom.ts writes `el.style.cssText`; docs/security.md lists the steps.
 * No `upgrade-insecure-requests`: the explorer is often served over plain HTTP on a LAN
 * address, where upgrading its own requests to HTTPS would break it.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** helmet's security headers with the strict policy above. */
export function securityHeaders(): RequestHandler {
  const directives: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(CSP_DIRECTIVES)) directives[name] = [...values];
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // helmet's default (no-referrer) would hide the explorer's own links from its own origin.
    referrerPolicy: { policy: 'same-origin' },
  });
}

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-Id';
const EXPOSED_HEADERS = 'X-Request-Id, RateLimit, RateLimit-Policy, Retry-After';

/**
 * CORS, closed unless configured: with no origins, no CORS header is ever sent, so browsers
 * on other origins cannot read answers. With origins (CORS_ORIGINS), those exact origins may
 * call the API with personal API tokens (`Authorization: Bearer`). Credentials are never
 * allowed: session cookies and their CSRF token are for the explorer's own origin only.
 */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) {
      next();
      return;
    }
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin === undefined || !allowed.has(origin)) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
