import neo4j from 'neo4j-driver';

/**
 * Query parameters as Neo4j should see them. The driver sends every JavaScript number as a
 * FLOAT, which Neo4j refuses where it needs an integer (`LIMIT $top`, `range(1, $n)`, list
 * indexes) and which would store `cow: 220` as 220.0. Integral numbers therefore go as
 * INTEGER, fractional ones as FLOAT, the split LadybugDB makes too. Lists and maps are
 * converted inside.
 */
export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toNeo4jValue(v)]));
}

function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return toNeo4jParams(value as Record<string, unknown>);
  }
  return value;
}
