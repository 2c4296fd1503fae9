import { z } from 'zod';
import { ErrorEnvelopeSchema } from '../contract/errors.js';
import { type RouteDef, routes } from '../contract/routes.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const ERROR_RESPONSE = {
  description: 'Error envelope',
  content: { 'application/json': { schema: jsonSchema(ErrorEnvelopeSchema, 'output') } },
};

function operation(route: RouteDef) {
  return {
    summary: route.summary,
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
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
      },
      '400': ERROR_RESPONSE,
      ...(route.errors?.length ? { '404': ERROR_RESPONSE } : {}),
      '500': ERROR_RESPONSE,
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the server validates with. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(routes) as RouteDef[]) {
    const p = route.path.replace(/:(\w+)/g, '{$1}');
    paths[p] = { ...paths[p], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entente API',
      version,
      description: 'Graph explorer for military partnerships and strategic alliances.',
    },
    paths,
  };
}
