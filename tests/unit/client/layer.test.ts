import { describe, expect, it } from 'vitest';
import { atopTwinOf, phasesOf } from '../../../client/state/atop-phases.js';
import { edgesInLayer, layerText } from '../../../client/state/layer.js';
import { hexColour } from '../../../client/view/drawn-nodes.js';
import { alliance, member, nation } from './fixtures.js';

const atopEdge = (iso: string, twin: string, since: string, types: string[]) => {
  const e = member(iso, twin.replace('alliance:', ''), since);
  const provisions = types.map((type) => ({ type, article: 'ATOP 5.1', conditions: [] }));
  return {
    ...e,
    properties: {
      ...e.properties,
      layer: 'atop',
      obligations: JSON.stringify({
        provisions,
        source: { title: 'ATOP', url: 'http://www.atopdata.org/' },
      }),
    },
  };
};

describe('the data layer in the client', () => {
  it('keeps the cached relationships of the chosen layer only', () => {
    const curated = member('FRA', 'nato', '1949-08-24');
    const atop = atopEdge('FRA', 'alliance:atop-3180', '1949-04-04', ['defence']);
    const cache = { [curated.id]: curated, [atop.id]: atop };
    expect(Object.keys(edgesInLayer(cache, 'curated'))).toEqual([curated.id]);
    expect(Object.keys(edgesInLayer(cache, 'atop'))).toEqual([atop.id]);
    expect(edgesInLayer(cache, 'all')).toBe(cache);
    expect([layerText(curated), layerText(atop)]).toEqual(['Curated', 'ATOP 5.1']);
  });

  it('finds the ATOP twin of a curated alliance with an atopid, and only then', () => {
    expect(atopTwinOf(alliance('nato', { atopid: 3180 }))).toBe('alliance:atop-3180');
    expect(atopTwinOf(alliance('eu'))).toBeNull();
    expect(atopTwinOf(alliance('atop-3180', { atopid: 3180, layer: 'atop' }))).toBeNull();
    expect(atopTwinOf(nation('FRA', { atopid: 3180 }))).toBeNull();
    expect(atopTwinOf(undefined)).toBeNull();
  });

  it("reads the twin's member phases with their dates and obligations, by name", () => {
    const twin = 'alliance:atop-3180';
    const phases = phasesOf(twin, {
      asOf: '2018-12-31',
      truncated: false,
      omitted: 0,
      nodes: [
        { ...alliance('atop-3180'), properties: { layer: 'atop' } },
        { ...nation('USA'), name: 'United States' },
        { ...nation('FRA'), name: 'France' },
      ],
      edges: [
        atopEdge('USA', twin, '1949-04-04', ['defence', 'consultation']),
        atopEdge('FRA', twin, '1949-04-04', ['defence']),
        { ...member('FRA', 'nato', '1949-08-24') },
      ],
    });
    expect(phases).toEqual([
      {
        id: 'nation:FRA',
        name: 'France',
        since: '1949-04-04',
        until: null,
        obligations: ['defence'],
      },
      {
        id: 'nation:USA',
        name: 'United States',
        since: '1949-04-04',
        until: null,
        obligations: ['defence', 'consultation'],
      },
    ]);
  });

  it('writes colours as drawn as #rrggbb for the export', () => {
    expect(hexColour('rgb(24, 100, 171)')).toBe('#1864ab');
    expect(hexColour('#1864AB')).toBe('#1864ab');
    expect(hexColour('rgba(0,0,0,0.5)')).toBe('#000000');
    expect(hexColour('red')).toBeUndefined();
  });
});
