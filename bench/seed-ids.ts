import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every node id in the seed folder the server loads (records with an id and no `from`). */
export function seedNodeIds(dir: string): string[] {
  const ids: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const records = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    if (!Array.isArray(records)) continue;
    for (const r of records as Record<string, unknown>[]) {
      if (
        typeof r.id === 'string' &&
        !('from' in r) &&
        /^(nation|alliance|agreement|contractor):/.test(r.id)
      ) {
        ids.push(r.id);
      }
    }
  }
  return [...new Set(ids)];
}
