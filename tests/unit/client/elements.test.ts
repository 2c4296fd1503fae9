import { describe, expect, it } from 'vitest';
import { addNodes, emptyCanvas, setOmitted, togglePin } from '../../../client/state/canvas.js';
import { mergeEdges } from '../../../client/state/edges.js';
import { noFilters, toggleHidden } from '../../../client/state/filters.js';
import { buildScene, nodeExistsOn, type SceneInput } from '../../../client/view/elements.js';
import {
  fitTitle,
  frameSize,
  sourcesLine,
  sourcesText,
} from '../../../client/view/export-frame.js';
import { legendFor } from '../../../client/view/legend-model.js';
import { GEO_SCALE, geoPositions, groupedPositions } from '../../../client/view/positions.js';
import { alliance, member, nation } from './fixtures.js';

const canvas = setOmitted(
  togglePin(
    addNodes(emptyCanvas, [
      alliance('nato', { aliases: ['NATO', 'Atlantic Alliance'] }),
      nation('DEU', { since: '1949-05-23' }),
      nation('FIN'),
      nation('DDR', { since: '1949-10-07', until: '1990-10-03' }),
      nation('JPN', { region: 'Asia' }),
    ]),
    'nation:DEU',
  ),
  'alliance:nato',
  7,
);
const edges = mergeEdges({}, [
  member('DEU', 'nato', '1955-05-06'),
  member('FIN', 'nato', '2023-04-04'),
]);
const base: SceneInput = {
  canvas,
  edges,
  asOf: '1985-06-01',
  compareFrom: null,
  filters: noFilters,
  view: 'graph',
  sizeBy: 'degree',
  overlap: [],
  path: null,
  flash: { joined: [], exited: [] },
};
const byId = (input: SceneInput) => new Map(buildScene(input).elements.map((e) => [e.data.id, e]));

describe('element building', () => {
  it('builds nodes with label, shape, classes and the "+N more" note', () => {
    const els = byId(base);
    const nato = els.get('alliance:nato');
    expect(nato?.data).toMatchObject({
      name: 'NATO (+7)',
      label: 'Alliance',
      shape: 'hexagon',
      degree: 1,
    });
    expect(els.get('nation:DEU')?.classes).toContain('pinned');
    expect(els.get('nation:DDR')?.classes).not.toContain('defunct');
    expect(byId({ ...base, asOf: '2000-01-01' }).get('nation:DDR')?.classes).toContain('defunct');
  });

  it('dims the canvas around a found path, and not at all after a failed search', () => {
    const found = byId({
      ...base,
      path: {
        from: 'nation:DEU',
        to: 'alliance:nato',
        nodeIds: ['nation:DEU', 'alliance:nato'],
        edgeIds: [],
      },
    });
    expect(found.get('nation:DEU')?.classes).toContain('on-path');
    expect(found.get('nation:FIN')?.classes).toContain('off-path');
    const failed = byId({
      ...base,
      path: { from: 'nation:FIN', to: 'nation:DEU', nodeIds: [], edgeIds: [] },
    });
    for (const el of failed.values()) expect(el.classes).not.toMatch(/off-path|on-path/);
  });

  it('draws only relationships that hold on the date', () => {
    const ids = [...byId(base).values()]
      .filter((e) => e.group === 'edges')
      .map((e) => e.data.source);
    expect(ids).toEqual(['nation:DEU']);
  });

  it('applies filters and counts what they hide', () => {
    const scene = buildScene({ ...base, filters: toggleHidden(noFilters, 'regions', 'Asia') });
    expect(scene.hidden).toBe(1);
    expect(scene.elements.some((e) => e.data.id === 'nation:JPN')).toBe(false);
  });

  it('classifies edges in compare mode', () => {
    const els = byId({ ...base, compareFrom: '1985-06-01', asOf: '2024-01-01' });
    expect(els.get(member('FIN', 'nato', '2023-04-04').id)?.classes).toContain('appeared');
    expect(els.get(member('DEU', 'nato', '1955-05-06').id)?.classes).toContain('persisted');
  });

  it('keeps an exiting edge drawn while it flashes', () => {
    const fin = member('FIN', 'nato', '2023-04-04').id;
    const els = byId({ ...base, flash: { joined: [], exited: [fin] } });
    expect(els.get(fin)?.classes).toContain('exited');
  });

  it('folds into nation ties in the nation view', () => {
    const scene = buildScene({ ...base, asOf: '2024-01-01', view: 'nations' });
    expect(scene.elements.some((e) => e.data.label === 'Alliance')).toBe(false);
    const tie = scene.elements.find((e) => e.classes === 'tie');
    expect(tie?.data).toMatchObject({ source: 'nation:DEU', target: 'nation:FIN', weight: 1 });
  });

  it('sizes nations by military expenditure when asked', () => {
    const rich = addNodes(emptyCanvas, [
      nation('USA', { milexUsdM: 900000 }),
      nation('ISL', { milexUsdM: 10 }),
    ]);
    const els = byId({ ...base, canvas: rich, sizeBy: 'milex' });
    expect(Number(els.get('nation:USA')?.data.size)).toBeGreaterThan(
      Number(els.get('nation:ISL')?.data.size),
    );
  });

  it('knows when a node exists', () => {
    expect(
      nodeExistsOn(
        alliance('wp', { founded: '1955-06-05', dissolved: '1991-07-01' }),
        '1991-07-01',
      ),
    ).toBe(false);
  });
});

describe('legend', () => {
  it('lists exactly what is drawn', () => {
    const sections = legendFor(buildScene(base).elements);
    const texts = sections.flatMap((s) => s.entries.map((e) => e.text));
    expect(texts).toContain('Nation');
    expect(texts).toContain('Alliance · collective-defence');
    expect(texts).toContain('member of');
    expect(texts).not.toContain('party to');
    expect(texts).toContain('pinned');
    const filtered = legendFor(
      buildScene({ ...base, filters: toggleHidden(noFilters, 'labels', 'Alliance') }).elements,
    );
    expect(filtered.flatMap((s) => s.entries.map((e) => e.text))).not.toContain('member of');
  });
});

describe('preset positions and export frame', () => {
  it('puts nations at their capitals and alliances at their members’ centroid', () => {
    const pos = geoPositions(
      [
        { id: 'a', label: 'Nation', lat: 10, lon: 20 },
        { id: 'b', label: 'Nation', lat: -10, lon: 40 },
        { id: 'x', label: 'Alliance' },
      ],
      [
        { source: 'a', target: 'x' },
        { source: 'b', target: 'x' },
      ],
    );
    expect(pos.get('a')).toEqual({ x: 20 * GEO_SCALE, y: -10 * GEO_SCALE });
    expect(Math.abs((pos.get('x')?.x ?? 0) - 30 * GEO_SCALE)).toBeLessThan(40);
  });

  it('groups sole members around their alliance', () => {
    const nodes = [
      { id: 'x', label: 'Alliance' },
      { id: 'y', label: 'Alliance' },
      { id: 'n1', label: 'Nation' },
      { id: 'n2', label: 'Nation' },
    ];
    const pos = groupedPositions(nodes, [
      { source: 'n1', target: 'x' },
      { source: 'n2', target: 'x' },
      { source: 'n2', target: 'y' },
    ]);
    expect(pos.size).toBe(4);
    const d = (p?: { x: number; y: number }, q?: { x: number; y: number }) =>
      Math.hypot((p?.x ?? 0) - (q?.x ?? 0), (p?.y ?? 0) - (q?.y ?? 0));
    expect(d(pos.get('n1'), pos.get('x'))).toBeLessThan(d(pos.get('n1'), pos.get('y')));
  });

  it('sizes the export frame exactly and cuts the sources line', () => {
    expect(frameSize(1000.4, 600, 2)).toMatchObject({ width: 2600, height: 1472 });
    expect(sourcesLine(['A', 'B', 'A'], 100)).toBe('Sources: A; B.');
    expect(sourcesLine(['Alpha', 'Beta', 'Gamma'], 24)).toBe('Sources: Alpha (+2 more)');
  });
});

describe('export text', () => {
  it('cuts a long title with an ellipsis instead of squeezing it', () => {
    expect(fitTitle('NATO, EU', 40)).toBe('NATO, EU');
    const cut = fitTitle('North Atlantic Treaty Organization, European Union and 3 more', 30);
    expect(cut).toHaveLength(30);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('sends readers to the sources list for what the footnote could not hold', () => {
    expect(sourcesLine(['Alpha', 'Beta', 'Gamma'], 24, ': see list')).toBe(
      'Sources: Alpha (+2 more: see list)',
    );
  });

  it('writes every source once, with its address and the link to the view', () => {
    const text = sourcesText(
      { title: 'NATO', subtitle: 'As of 1985-06-01', link: 'http://x/#n=a' },
      [
        { title: 'A', url: 'https://a.example/' },
        { title: 'B', url: 'https://b.example/' },
        { title: 'A', url: 'https://a.example/' },
      ],
    );
    expect(text).toContain('View: http://x/#n=a');
    expect(text).toContain('Sources (2):');
    expect(text).toContain('1. A <https://a.example/>');
    expect(text).toContain('2. B <https://b.example/>');
  });
});

describe('the size key', () => {
  it('gives the diameter of reference amounts when nations are sized by military spending', () => {
    const scene = buildScene({ ...base, sizeBy: 'milex' });
    const key = legendFor(scene.elements, { sizeBy: 'milex' }).find((s) =>
      s.title.startsWith('Nation size'),
    );
    const [sizes, none] = key?.entries ?? [];
    // True-size circles: the diameters the canvas gives these amounts at 100 % zoom.
    expect(sizes?.type).toBe('sizes');
    const items = sizes?.type === 'sizes' ? sizes.items : [];
    expect(items.map((i) => i.text)).toEqual(['1 bn', '10 bn', '100 bn', '900 bn']);
    expect(items.map((i) => Math.round(i.diameter))).toEqual([23, 28, 45, 96]);
    expect(sizes?.text).toContain('100 % zoom');
    expect(none?.text).toBe('no figure: 18 px circle');
    expect(
      legendFor(scene.elements, { sizeBy: 'degree' }).some((s) =>
        s.title.startsWith('Nation size'),
      ),
    ).toBe(false);
  });
});
