import { tableColumns } from '../bulk.js';

/** Runs one statement of the adapter's own making and returns its rows. */
type Statement = (text: string) => Promise<Record<string, unknown>[]>;

/** The table a `CREATE NODE|REL TABLE IF NOT EXISTS Name(...)` statement creates. */
export function createdTable(ddl: string): string | undefined {
  return /CREATE\s+(?:NODE|REL)\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_]\w*)\s*\(/i.exec(
    ddl,
  )?.[1];
}

/**
 * Brings a database made by an earlier version up to the schema files: `CREATE ... IF NOT
 * EXISTS` leaves an existing table as it was, so every column a schema file names and the
 * table lacks is added (null in existing rows, as an upsert that omits it would leave it).
 * Table and column names come from the schema files only, never from a request. Returns the
 * columns added, as `Table.column`.
 */
export async function addMissingColumns(
  ddls: readonly string[],
  statement: Statement,
): Promise<string[]> {
  const added: string[] = [];
  for (const ddl of ddls) {
    const table = createdTable(ddl);
    if (!table) continue;
    const rows = await statement(`CALL TABLE_INFO('${table}') RETURN name`);
    const present = new Set(rows.map((r) => String(r.name)));
    for (const [column, type] of tableColumns(ddl)) {
      if (present.has(column)) continue;
      await statement(`ALTER TABLE ${table} ADD ${column} ${type}`);
      added.push(`${table}.${column}`);
    }
  }
  return added;
}
