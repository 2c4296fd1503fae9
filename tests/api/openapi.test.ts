import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteDef, routes } from '../../server/contract/routes.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { tinyApp } from '../helpers/api.js';

type Doc = {
  servers: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
};
type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  responses: Record<string, unknown>;
};

let doc: Doc;
let store: GraphStore;

beforeAll(async () => {
  const app = await tinyApp();
  store = app.store;
  const res = await app.http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Doc;
});
afterAll(() => store.close());

function operationOf(route: RouteDef): Operation {
  const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
  if (!op) throw new Error(`no operation for ${route.method} ${route.path}`);
  return op;
}

describe('the OpenAPI document', () => {
  it('is valid for swagger-parser: every $ref resolves, the document matches OpenAPI 3.1', async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect(api.info.title).toBe('Entente API');
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it("has no errors under Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const describe = (p: (typeof problems)[number]) =>
      `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`;
    const warnings = problems.filter((p) => p.severity !== 'error');
    // Warnings are printed, not failed: no licence is declared (the project has none).
    if (warnings.length > 0) console.log(`redocly warnings:\n${warnings.map(describe).join('\n')}`);
    expect(problems.filter((p) => p.severity === 'error').map(describe)).toEqual([]);
  });

  it('has servers and the session, CSRF and bearer-token security schemes', () => {
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'entente_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      token: { type: 'http' },
    });
  });

  it.each(Object.entries(routes))(
    'describes %s with its operationId, security and errors',
    (name, r) => {
      const route = r as RouteDef;
      const op = operationOf(route);
      expect(op.operationId).toBe(name);
      expect(op.responses['200']).toBeDefined();
      expect(op.responses['400']).toBeDefined();
      if (route.access === 'public') {
        expect(op.security).toEqual([]);
        // Sign-in and set-up answer 401 for wrong credentials; no public route asks for them.
        expect(op.responses['401'] !== undefined).toBe(!!route.errors?.includes('UNAUTHORIZED'));
        return;
      }
      const session = route.method === 'get' ? { session: [] } : { session: [], csrf: [] };
      const signedIn = [session, { token: [] }];
      expect(op.security).toEqual(route.access === 'guest' ? [...signedIn, {}] : signedIn);
      expect(op.responses['401']).toBeDefined();
      if (route.access !== 'guest') expect(op.responses['403']).toBeDefined();
    },
  );

  it('lists 429 on the rate-limited routes and 413 on every route with a body', () => {
    for (const name of ['login', 'setup', 'query', 'runQuery'] as const) {
      expect(operationOf(routes[name]).responses['429'], name).toBeDefined();
    }
    for (const route of Object.values(routes) as RouteDef[]) {
      expect(operationOf(route).responses['413'] !== undefined, route.path).toBe(!!route.body);
    }
  });
});
