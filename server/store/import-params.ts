import type { NodeRecord, RelRecord } from '../contract/model.js';

/**
 * Turns a validated record into query parameters for an upsert file: every parameter the file
 * declares gets a value (null when the record has none), lists stay lists, and `sources` is
 * stored as JSON text so both backends keep it as one string property.
 */
export function upsertParams(
  declared: readonly string[],
  record: NodeRecord | RelRecord,
): Record<string, unknown> {
  const source = record as unknown as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const name of declared) {
    const value = source[name];
    if (name === 'sources') params[name] = JSON.stringify(value);
    else if (name === 'aliases') params[name] = value ?? [];
    else params[name] = value ?? null;
  }
  return params;
}
