import {
  type Json,
  type LibraryParam,
  type LibraryQuery,
  QueryParamsSchema,
} from '../../server/contract/index.js';
import { isIsoDate } from './time.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The parameters box: empty means none; otherwise a JSON object whose keys are Cypher
 * identifiers. Checked before sending, so a typo is explained here rather than by the server.
 */
export function parseParams(text: string): Parsed<Record<string, Json>> {
  if (text.trim() === '') return { ok: true, value: {} };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Parameters are not valid JSON: ${why}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'Parameters must be a JSON object, e.g. {"id": "alliance:nato"}' };
  }
  const badName = Object.keys(data).find((k) => !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(k));
  if (badName !== undefined) {
    return { ok: false, message: `Parameter names are identifiers such as asOf; got "${badName}"` };
  }
  const parsed = QueryParamsSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    return { ok: false, message: `Parameters: ${first?.message ?? 'invalid'}${where}` };
  }
  return { ok: true, value: parsed.data };
}

/**
 * `:run <name>` in the editor runs a saved query (the editor completes the names). Anything
 * else is Cypher for the server.
 */
export function parseCommand(text: string): { kind: 'library'; name: string } | { kind: 'cypher' } {
  const m = /^\s*:run\s+([a-z0-9-]+)\s*;?\s*$/.exec(text);
  return m?.[1] ? { kind: 'library', name: m[1] } : { kind: 'cypher' };
}

/** The form's starting values: each parameter's default, as text. */
/** The form's first values: each parameter's default, dates the explorer's as-of date when given. */
export function formDefaults(q: LibraryQuery, asOf?: string): Record<string, string> {
  return Object.fromEntries(
    q.params.map((p) => [p.name, p.type === 'date' && asOf ? asOf : String(p.default)]),
  );
}

function paramValue(p: LibraryParam, raw: string): Parsed<Json> {
  const text = raw.trim();
  if (p.type === 'int') {
    const n = Number(text);
    return Number.isInteger(n) && text !== ''
      ? { ok: true, value: n }
      : { ok: false, message: `${p.name} must be a whole number` };
  }
  if (p.type === 'date' && !isIsoDate(text)) {
    return { ok: false, message: `${p.name} must be a date (YYYY-MM-DD)` };
  }
  if (p.type === 'id' && !/^[a-z]+:[A-Za-z0-9-]+$/.test(text)) {
    return { ok: false, message: `${p.name} must be an id such as nation:FRA or alliance:nato` };
  }
  return { ok: true, value: text };
}

/** Turns the generated form into typed parameters; an empty field leaves the server's default. */
export function libraryParams(
  q: LibraryQuery,
  values: Readonly<Record<string, string>>,
): Parsed<Record<string, Json>> {
  const out: Record<string, Json> = {};
  for (const p of q.params) {
    const raw = values[p.name] ?? '';
    if (raw.trim() === '') continue;
    const v = paramValue(p, raw);
    if (!v.ok) return v;
    out[p.name] = v.value;
  }
  return { ok: true, value: out };
}
