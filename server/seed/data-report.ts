import { NODE_LABELS, REL_TYPES } from '../contract/primitives.js';
import type { SeedBundle } from './validate-seeds.js';

/** Optional fields an analyst expects filled, per label; gaps are listed by the report. */
const EXPECTED: Record<string, readonly string[]> = {
  Nation: ['iso2', 'iso3', 'cow', 'capital', 'lat', 'milexUsdM', 'regime'],
  Alliance: ['aliases'],
  Agreement: ['signed', 'inForce'],
  Contractor: ['armsRevenueUsdM', 'founded'],
};

export interface DataReport {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  /** How many records (nodes and relationships) cite each source domain. */
  sourcesByDomain: Array<{ domain: string; records: number }>;
  /** Per label, per expected field: the ids of records without it. */
  missing: Record<string, Record<string, string[]>>;
}

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '(invalid url)';
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Counts, source domains and gaps of a validated seed bundle. */
export function dataReport(bundle: SeedBundle): DataReport {
  const labels = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
  const relationships = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
  const domains = new Map<string, number>();
  const cite = (sources: ReadonlyArray<{ url: string }>) => {
    for (const d of new Set(sources.map((s) => domainOf(s.url))))
      domains.set(d, (domains.get(d) ?? 0) + 1);
  };
  const missing: DataReport['missing'] = {};
  for (const { label, record } of bundle.nodes) {
    labels[label] = (labels[label] ?? 0) + 1;
    cite(record.sources);
    const current = label !== 'Nation' || !(record as { until?: string }).until;
    for (const field of EXPECTED[label] ?? []) {
      if (!current && field !== 'iso3' && field !== 'capital' && field !== 'lat') continue;
      if (isEmpty((record as Record<string, unknown>)[field])) {
        const byField = missing[label] ?? {};
        byField[field] = [...(byField[field] ?? []), record.id];
        missing[label] = byField;
      }
    }
  }
  for (const rel of bundle.rels) {
    relationships[rel.type] = (relationships[rel.type] ?? 0) + 1;
    cite(rel.sources);
  }
  const sourcesByDomain = [...domains]
    .map(([domain, records]) => ({ domain, records }))
    .sort((a, b) => b.records - a.records || a.domain.localeCompare(b.domain));
  return { labels, relationships, sourcesByDomain, missing };
}
