import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode, ErrorEnvelopeSchema } from '../contract/errors.js';
import { JsonSchema } from '../contract/query.js';
import { type RouteDef, type RouteName, routes } from '../contract/routes.js';

type Schema = Record<string, unknown>;

/**
 * Schemas that become named components. A recursive schema must be one (JSON Schema reaches
 * it through `$ref`); zod puts named schemas in `$defs`, which OpenAPI resolves from the
 * document's root, so they move to `#/components/schemas`.
 */
const named = z.registry<{ id: string }>();
named.add(JsonSchema, { id: 'Json' });
named.add(ErrorEnvelopeSchema, { id: 'ErrorEnvelope' });

const components: Record<string, Schema> = {};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: named }) as Schema;
  const { $schema: _, $defs, id, ...rest } = js;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Schema>)) {
    components[name] = refsToComponents(def) as Schema;
  }
  // A named schema at the top comes back as its definition with its id: point at it instead.
  if (typeof id === 'string') {
    components[id] = refsToComponents(rest) as Schema;
    return { $ref: `#/components/schemas/${id}` };
  }
  return refsToComponents(rest) as Schema;
}

function refsToComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(refsToComponents);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string'
        ? v.replace(/^#\/\$defs\//, '#/components/schemas/')
        : refsToComponents(v);
  }
  return out;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as {
    properties?: Record<string, Schema>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** Security schemes: the explorer's session cookie (with its CSRF header) and API tokens. */
const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'entente_session',
    description: 'The session cookie set by `POST /api/auth/login` (httpOnly, SameSite).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'With the session cookie, every state-changing request (POST, PATCH, DELETE) carries the `csrfToken` of `GET /api/auth/session` in this header.',
  },
  token: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'Entente personal API token',
    description:
      'A personal API token from `POST /api/auth/tokens`, sent as `Authorization: Bearer <token>`; it acts with its own role.',
  },
};

/** Routes behind a rate limit per user and address (server/http/middleware/rate-limits.ts). */
const RATE_LIMITED: ReadonlySet<RouteName> = new Set(['login', 'setup', 'query', 'runQuery']);

function security(route: RouteDef) {
  if (route.access === 'public') return [];
  const session = route.method === 'get' ? { session: [] } : { session: [], csrf: [] };
  const signedIn = [session, { token: [] }];
  // Guest routes are open to anonymous callers while guest access is on.
  return route.access === 'guest' ? [...signedIn, {}] : signedIn;
}

/** Every error status a route may answer with, and the codes behind each. */
function errorStatuses(name: RouteName, route: RouteDef): Map<number, Set<ErrorCode>> {
  const codes = new Set<ErrorCode>(['INVALID_REQUEST', 'INTERNAL']);
  for (const code of route.errors ?? []) if (code in ERROR_STATUS) codes.add(code as ErrorCode);
  if (route.access !== 'public') codes.add('UNAUTHORIZED');
  // A role below the route's, or a session request without its CSRF token (sign-in and
  // set-up start a session, so they ask for none).
  const csrf = route.method !== 'get' && name !== 'login' && name !== 'setup';
  if (csrf || (route.access !== 'public' && route.access !== 'guest')) codes.add('FORBIDDEN');
  if (route.body) codes.add('PAYLOAD_TOO_LARGE');
  if (RATE_LIMITED.has(name)) codes.add('TOO_MANY_REQUESTS');
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  return byStatus;
}

function errorResponse(codes: Set<ErrorCode>, status: number, envelope: Schema) {
  return {
    description: `Error envelope with code ${[...codes].join(' or ')}`,
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds until the limit resets',
              schema: { type: 'integer' },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema: envelope } },
  };
}

function operation(name: RouteName, route: RouteDef, envelope: Schema) {
  const errors = [...errorStatuses(name, route)].sort(([a], [b]) => a - b);
  return {
    operationId: name,
    summary: route.summary,
    security: security(route),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: route.produces ? 'The file, as an attachment' : 'OK',
        content: Object.fromEntries(
          (route.produces ?? ['application/json']).map((type) => [
            type,
            { schema: jsonSchema(route.response, 'output') },
          ]),
        ),
      },
      ...Object.fromEntries(
        errors.map(([status, codes]) => [String(status), errorResponse(codes, status, envelope)]),
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the server validates with:
 * one operation per route of the route map (its key is the operationId), security from each
 * route's `access`, and the error statuses it may answer with.
 */
export function buildOpenApi(version: string) {
  const envelope = jsonSchema(ErrorEnvelopeSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [RouteName, RouteDef][]) {
    const p = route.path.replace(/:(\w+)/g, '{$1}');
    paths[p] = { ...paths[p], [route.method]: operation(name, route, envelope) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entente API',
      version,
      description:
        'Graph explorer for military partnerships and strategic alliances. Every error is `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: '/', description: 'The Entente server that serves this document' }],
    paths,
    components: { schemas: { ...components }, securitySchemes: SECURITY_SCHEMES },
  };
}
