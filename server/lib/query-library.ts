import { z } from 'zod';
import {
  LIBRARY_PARAM_TYPES,
  LIBRARY_VIEWS,
  type LibraryParam,
  type LibraryQuery,
} from '../contract/library.js';
import { IsoDateSchema, NodeIdSchema } from '../contract/primitives.js';

/** A library query with the text one backend runs. */
export interface LibraryEntry extends LibraryQuery {
  text: string;
}

const PARAM_LINE = /^\/\/\s*param\s+(\w+):\s*(\w+)\s*=\s*(.+?)\s+—\s+(.+)$/;
const FIELD_LINE = /^\/\/\s*(title|description|view):\s*(.+)$/;

function paramSchema(type: LibraryParam['type']): z.ZodType<string | number> {
  switch (type) {
    case 'id':
      return NodeIdSchema;
    case 'date':
      return IsoDateSchema;
    case 'int':
      return z.number().int().min(0).max(100_000);
    case 'string':
      return z.string().max(200);
  }
}

/**
 * Parses a library file's header: `// title:`, `// description:`, `// view:` and one
 * `// param name: type = default — description` line per parameter. Throws on a malformed
 * header, so a broken library file stops start-up instead of failing for a user.
 */
export function parseLibraryFile(name: string, text: string): LibraryEntry {
  const fields: Record<string, string> = {};
  const params: LibraryParam[] = [];
  for (const line of text.split('\n').filter((l) => l.startsWith('//'))) {
    const field = FIELD_LINE.exec(line);
    if (field?.[1] && field[2]) fields[field[1]] = field[2].trim();
    const param = PARAM_LINE.exec(line);
    if (param) {
      const [, pname = '', ptype = '', raw = '', description = ''] = param;
      const type = z.enum(LIBRARY_PARAM_TYPES).parse(ptype);
      const value = type === 'int' ? Number(raw) : raw;
      params.push({ name: pname, type, default: paramSchema(type).parse(value), description });
    }
  }
  const view = z.enum(LIBRARY_VIEWS).parse(fields.view);
  if (!fields.title || !fields.description)
    throw new Error(`library/${name}: title and description are required`);
  return { name, title: fields.title, description: fields.description, view, params, text };
}

/** The zod schema of a library query's parameters, with the header's defaults. */
export function libraryParamsSchema(entry: LibraryEntry) {
  return z.strictObject(
    Object.fromEntries(entry.params.map((p) => [p.name, paramSchema(p.type).default(p.default)])),
  );
}
