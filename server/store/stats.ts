import { NODE_LABELS, REL_TYPES, type StatsResponse } from '../contract/index.js';

type Row = Record<string, unknown>;

/** Count rows (`label|type`, `count`) as stats with every label and type present, zero included. */
export function countStats(labelRows: Row[], relRows: Row[]): StatsResponse {
  const labels: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
  const relationships: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
  for (const r of labelRows) labels[String(r.label)] = Number(r.count);
  for (const r of relRows) relationships[String(r.type)] = Number(r.count);
  return { labels, relationships };
}
