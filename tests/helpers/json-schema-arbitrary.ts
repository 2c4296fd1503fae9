import fc from 'fast-check';

/** A JSON Schema (2020-12, as OpenAPI 3.1 and zod write them). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

export interface SchemaContext {
  /** `#/components/schemas/...` targets. */
  components: Record<string, JsonSchema>;
  /** Values known to exist (ids of the seeded graph, saved-query names), by property name. */
  known: Record<string, string[]>;
}

const SMALL_JSON = fc.jsonValue({ maxDepth: 2 });
const MAX_ITEMS = 4;
const MAX_CHARS = 24;

function stringArb(schema: JsonSchema, name: string, ctx: SchemaContext): fc.Arbitrary<string> {
  const minLength = Math.min(schema.minLength ?? 0, MAX_CHARS);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_CHARS, MAX_CHARS));
  const options: fc.Arbitrary<string>[] = [fc.string({ minLength, maxLength, unit: 'grapheme' })];
  if (schema.format === 'date') {
    options.push(
      fc
        .date({ min: new Date('1800-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
  }
  if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length < 200));
    } catch {
      // a pattern fast-check cannot generate from: plain strings only
    }
  }
  const known = ctx.known[name];
  if (known?.length) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
  return fc.oneof(...options);
}

/**
 * Values that conform to `schema` (most of the time: patterns written as zod refinements are
 * invisible here, so those strings are arbitrary). Strings and arrays are kept short; `known`
 * values stand in for strings of the same property name, so requests reach real nodes.
 */
export function arbitraryFor(
  schema: JsonSchema,
  ctx: SchemaContext,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = ctx.components[schema.$ref.replace('#/components/schemas/', '')];
    return depth > 3 || !target ? SMALL_JSON : arbitraryFor(target, ctx, name, depth + 1);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => arbitraryFor(s, ctx, name, depth + 1)));
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], ctx, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema, name, ctx);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1;
      return fc.integer({
        min: Math.max(min, Number.MIN_SAFE_INTEGER),
        max: Math.min(max, Number.MAX_SAFE_INTEGER),
      });
    }
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum,
        max: schema.maximum,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Math.min(schema.minItems ?? 0, MAX_ITEMS);
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      const items = schema.items ? arbitraryFor(schema.items, ctx, name, depth + 1) : SMALL_JSON;
      return fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const record = Object.fromEntries(
        Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, ctx, k, depth + 1)]),
      );
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    default:
      return SMALL_JSON;
  }
}

/** Values of the wrong type for any field. */
export const WRONG_TYPE: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);

/** Keys that pollute prototypes when merged naively. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
