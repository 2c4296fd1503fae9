import { describe, expect, it } from 'vitest';
import {
  decodeView,
  defaultView,
  encodeView,
  type ViewState,
} from '../../../client/state/url-codec.js';

const today = '2025-06-30';

describe('URL codec', () => {
  it('leaves defaults out, so an empty view is an empty hash', () => {
    expect(encodeView(defaultView(today), today)).toBe('');
    expect(decodeView('', today)).toEqual(defaultView(today));
  });

  it('round-trips a full view with readable ids', () => {
    const view: ViewState = {
      nodes: ['alliance:nato', 'nation:DEU', 'nation:FIN'],
      pinned: ['nation:DEU'],
      asOf: '1985-06-01',
      layer: 'all',
      layout: 'geo',
      view: 'nations',
      sizeBy: 'milex',
      filters: {
        labels: ['Contractor'],
        rels: ['SUPPLIES'],
        regions: ['Asia'],
        kinds: ['partnership'],
      },
      compareFrom: '1975-01-01',
      overlap: ['alliance:nato'],
      selected: 'alliance:nato',
      path: { from: 'nation:DEU', to: 'nation:FIN' },
    };
    const hash = encodeView(view, today);
    expect(hash).toContain('n=alliance:nato,nation:DEU,nation:FIN');
    expect(hash).toContain('d=1985-06-01');
    expect(hash).toContain('ly=all');
    expect(decodeView(`#${hash}`, today)).toEqual(view);
  });

  it('drops malformed values instead of failing', () => {
    const v = decodeView(
      '#n=nation:FRA,<script>,alliance:nato&d=2025-02-30&l=spiral&ht=Nation,Bogus&p=nation:USA',
      today,
    );
    expect(v.nodes).toEqual(['nation:FRA', 'alliance:nato']);
    expect(v.asOf).toBe(today);
    expect(v.layout).toBe('fcose');
    expect(v.filters.labels).toEqual(['Nation']);
    expect(v.pinned).toEqual([]);
    expect(decodeView('#ly=everything', today).layer).toBe('curated');
    expect(decodeView('#ly=atop', today).layer).toBe('atop');
  });

  it('clamps dates to the supported range', () => {
    expect(decodeView('#d=1700-01-01', today).asOf).toBe('1815-01-01');
    expect(decodeView('#d=2099-01-01', today).asOf).toBe(today);
  });
});
