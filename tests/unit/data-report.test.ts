import { describe, expect, it } from 'vitest';
import { dataReport } from '../../server/seed/data-report.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

describe('dataReport', () => {
  it('counts labels and types, source domains and missing optional fields', async () => {
    const bundle = await bundleOf(TINY_SEEDS);
    const report = dataReport(bundle);
    expect(report.labels).toEqual({ Nation: 11, Alliance: 2, Agreement: 2, Contractor: 1 });
    expect(report.relationships.MEMBER_OF).toBe(9);
    expect(report.relationships.ADOPTED).toBe(0);
    const nato = report.sourcesByDomain.find((d) => d.domain === 'nato.int');
    expect(nato?.records).toBe(9);
    const total = bundle.nodes.length + bundle.rels.length;
    expect(report.sourcesByDomain.every((d) => d.records <= total)).toBe(true);
    expect(report.missing.Agreement?.inForce).toEqual(['agreement:us-india-lemoa']);
    // Historical states are not expected to carry current statistics.
    expect(report.missing.Nation?.milexUsdM).not.toContain('nation:SUN');
    expect(report.missing.Nation?.milexUsdM).toContain('nation:FRA');
  });
});
