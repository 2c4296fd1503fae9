import { NODE_LABELS, NODE_SCHEMAS, REL_SCHEMAS, REL_TYPES } from '../../server/contract/index.js';

/** What the console's completion offers, derived from the data model in server/contract. */
export interface CypherSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

/** Relationship endpoints are the pattern itself, not properties. */
const NOT_PROPERTIES = new Set(['from', 'to']);

const keysOf = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

export function cypherSchema(): CypherSchema {
  const keys = new Set<string>();
  for (const s of [...Object.values(NODE_SCHEMAS), ...Object.values(REL_SCHEMAS)]) {
    for (const k of keysOf(s)) if (!NOT_PROPERTIES.has(k)) keys.add(k);
  }
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...REL_TYPES],
    propertyKeys: [...keys].sort(),
  };
}
