import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NODE_LABELS, REL_TYPES } from '../contract/primitives.js';
import type { Backend } from './graph-store.js';

/** One `.cypher` file: its text, and what its header comment declares. */
export interface CypherFile {
  name: string;
  text: string;
  params: string[];
  returns: string[];
}

/**
 * All Cypher files, loaded once at start-up. A query `explore/members` is
 * `cypher/explore/members.cypher`, overridden per backend by `members.embedded.cypher` or
 * `members.neo4j.cypher`.
 */
export class CypherFiles {
  private constructor(
    private readonly files: Map<string, Partial<Record<Backend | 'common', CypherFile>>>,
  ) {}

  static async load(dir: string): Promise<CypherFiles> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = new Map<string, Partial<Record<Backend | 'common', CypherFile>>>();
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.cypher')) continue;
      const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
      const match = /^(.*?)(?:\.(embedded|neo4j))?\.cypher$/.exec(rel);
      if (!match?.[1]) continue;
      const name = match[1];
      const variant = (match[2] ?? 'common') as Backend | 'common';
      const text = await readFile(path.join(dir, rel), 'utf8');
      const slot = files.get(name) ?? {};
      slot[variant] = { name, text, ...parseHeader(text) };
      files.set(name, slot);
    }
    return new CypherFiles(files);
  }

  /** Names of every query, with or without a variant for `backend`. */
  names(): string[] {
    return [...this.files.keys()].sort();
  }

  /** The file `backend` runs for `name`, or undefined when it has none. */
  find(name: string, backend: Backend): CypherFile | undefined {
    const slot = this.files.get(name);
    return slot?.[backend] ?? slot?.common;
  }

  get(name: string, backend: Backend): CypherFile {
    const file = this.find(name, backend);
    if (!file) throw new Error(`no Cypher file ${name}.cypher or ${name}.${backend}.cypher`);
    return file;
  }
}

/**
 * Reads `// params: $a, $b` (or, in library files, one `// param name: type = default` line
 * per parameter) and `// returns: x, y` from a file's leading comment lines.
 */
export function parseHeader(text: string): { params: string[]; returns: string[] } {
  const header = text.split('\n').filter((l) => l.startsWith('//'));
  const list = (key: string) => {
    if (key === 'params' && !header.some((l) => /^\/\/\s*params:/.test(l))) {
      return header.flatMap((l) => /^\/\/\s*param\s+(\w+):/.exec(l)?.slice(1, 2) ?? []);
    }
    const line = header.find((l) => l.slice(2).trim().startsWith(`${key}:`));
    if (!line) return [];
    const value = line.slice(line.indexOf(':') + 1).trim();
    if (value === 'none' || value === 'nothing') return [];
    return value.split(',').map((s) => s.trim().replace(/^\$/, ''));
  };
  return { params: list('params'), returns: list('returns') };
}

/** The `$names` a query body uses (comments excluded). */
export function paramsUsed(text: string): string[] {
  const body = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');
  return [
    ...new Set([...body.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '')),
  ].sort();
}

const SPLICEABLE: ReadonlySet<string> = new Set([...NODE_LABELS, ...REL_TYPES]);

/**
 * Fills `{{slot}}` placeholders with labels or relationship types. Only names from the
 * model's constant tables are accepted, so request text can never reach a query this way.
 */
export function renderTemplate(text: string, slots: Record<string, string> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined || !SPLICEABLE.has(value)) {
      throw new Error(`template slot {{${key}}} needs a label or relationship type, got ${value}`);
    }
    return value;
  });
}
