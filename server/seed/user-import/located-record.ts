import type { NodeLabel, RelType } from '../../contract/primitives.js';

/** One record read from an uploaded file, before validation, with where it was found. */
export interface LocatedRecord {
  file: string;
  /** 1-based line where the record starts (CSV; JSON when the parser can tell). */
  line?: number;
  /** How to name the record in a message: `row 12`, `nations[3]`. */
  record: string;
  kind: { node: NodeLabel } | { rel: RelType };
  value: Record<string, unknown>;
  /** Model field -> the column the file calls it (relationships.csv: from is `source`). */
  columns?: Readonly<Record<string, string>>;
}
