import cytoscape from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BulkContext,
  drawBulk,
  prepareScene,
  viewExtent,
} from '../../../client/view/bulk-draw.js';
import {
  BPN,
  type BulkScene,
  cssColour,
  packColour,
  SHAPE,
  sceneReader,
  shapeCode,
} from '../../../client/view/bulk-scene.js';
import { elementLists, setViewState, viewState } from '../../../client/view/cy-store.js';
import { hitGrid } from '../../../client/view/hit-grid.js';
import { stylesheet } from '../../../client/view/stylesheet.js';

/** A 2D context that records what is drawn, with the state each call saw. */
function recorder() {
  const calls: { op: string; args: unknown[]; style?: unknown; alpha?: number }[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
  } as BulkContext;
  const record =
    (op: string, style?: () => unknown) =>
    (...args: unknown[]) => {
      calls.push({ op, args, style: style?.(), alpha: ctx.globalAlpha });
    };
  Object.assign(ctx, {
    setTransform: record('setTransform'),
    clearRect: record('clearRect'),
    fillRect: record('fillRect', () => ctx.fillStyle),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    closePath: record('closePath'),
    arc: record('arc'),
    rect: record('rect'),
    fill: record('fill', () => ctx.fillStyle),
    stroke: record('stroke', () => ctx.strokeStyle),
    fillText: record('fillText', () => ctx.fillStyle),
  });
  return { ctx, calls };
}

/** A scene of nodes at `points` (radius 10, circles) and edges between them. */
function scene(
  points: [number, number][],
  ends: [number, number][],
  labels: string[] = [],
): BulkScene {
  const n = points.length;
  const nodes = new Float32Array(n * BPN);
  points.forEach(([x, y], j) => {
    nodes.set([x, y, 10, SHAPE.circle, 0], j * BPN);
  });
  return {
    version: 1,
    nodes,
    drawn: new Uint8Array(n).fill(1),
    fill: new Uint32Array(n).fill(packColour([10, 20, 30], 1)),
    border: new Uint32Array(n),
    ends: Uint32Array.from(ends.flat()),
    stroke: new Uint32Array(ends.length).fill(packColour([1, 2, 3], 0.5)),
    width: new Float32Array(ends.length).fill(1),
    labels: points.map((_, j) => labels[j] ?? ''),
    fontSize: new Float32Array(n).fill(13),
    minFont: new Float32Array(n).fill(12),
    textColour: new Uint32Array(n).fill(packColour([0, 0, 0], 1)),
  };
}

const view = { zoom: 1, pan: { x: 0, y: 0 }, width: 200, height: 100, pixelRatio: 1, alpha: 1 };

describe('the bulk layer: colours and shapes', () => {
  it('packs a style colour and opacity and gives it back as CSS', () => {
    expect(cssColour(packColour([255, 128, 0], 1))).toBe('rgba(255,128,0,1)');
    expect(cssColour(packColour([1, 2, 3], 0.5))).toBe('rgba(1,2,3,0.502)');
    expect(cssColour(packColour(undefined, 0))).toBe('rgba(0,0,0,0)');
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), (r, g, b, a) => {
        const css = cssColour(packColour([r, g, b], a / 255));
        expect(css).toBe(`rgba(${r},${g},${b},${Math.round((a / 255) * 1000) / 1000})`);
      }),
    );
  });

  it('maps every Cytoscape shape the app uses to an outline', () => {
    expect(shapeCode('ellipse')).toBe(SHAPE.circle);
    expect(shapeCode('hexagon')).toBe(SHAPE.hexagon);
    expect(shapeCode('concave-hexagon')).toBe(SHAPE.hexagon);
    expect(shapeCode('star')).toBe(SHAPE.star);
    expect(shapeCode('round-rectangle')).toBe(SHAPE.square);
    expect(shapeCode('barrel')).toBe(SHAPE.square);
  });
});

describe('the bulk layer: drawing', () => {
  it('draws edges in one path per colour, culls what lies outside the view', () => {
    // Node 2 lies far outside the 200x100 view: its edge to node 3 (also outside) is culled,
    // its edge to node 0 (inside) is not.
    const s = scene(
      [
        [50, 50],
        [150, 50],
        [5000, 5000],
        [6000, 5000],
      ],
      [
        [0, 1],
        [0, 2],
        [2, 3],
      ],
    );
    const { ctx, calls } = recorder();
    const counts = drawBulk(ctx, prepareScene(s), view);
    expect(counts).toEqual({ edges: 2, nodes: 2, labels: 0 });
    expect(calls.filter((c) => c.op === 'stroke')).toHaveLength(1);
    expect(calls.find((c) => c.op === 'stroke')?.style).toBe('rgba(1,2,3,0.502)');
    // Two nodes 20 units across at zoom 1: outlines (arcs), not squares.
    expect(calls.filter((c) => c.op === 'arc')).toHaveLength(2);
    expect(calls.filter((c) => c.op === 'fill')).toHaveLength(1);
  });

  it('draws small nodes as squares and labels only once legible', () => {
    const s = scene(
      [
        [50, 50],
        [150, 50],
      ],
      [[0, 1]],
      ['Alpha', 'Beta'],
    );
    const far = { ...view, zoom: 0.1, width: 2000, height: 1000 };
    const { ctx, calls } = recorder();
    expect(drawBulk(ctx, prepareScene(s), far).labels).toBe(0);
    expect(calls.filter((c) => c.op === 'rect')).toHaveLength(2);
    expect(calls.filter((c) => c.op === 'arc')).toHaveLength(0);
    // At zoom 1, 13 px type is at least the 12 px minimum: both names, under their nodes.
    const near = recorder();
    expect(drawBulk(near.ctx, prepareScene(s), view).labels).toBe(2);
    const texts = near.calls.filter((c) => c.op === 'fillText');
    expect(texts.map((c) => c.args[0])).toEqual(['Alpha', 'Beta']);
    expect(texts[0]?.args[2]).toBe(50 + 10 + 4);
  });

  it('dims everything while a neighbourhood is highlighted', () => {
    const s = scene([[50, 50]], []);
    const { ctx, calls } = recorder();
    drawBulk(ctx, prepareScene(s), { ...view, alpha: 0.12 });
    expect(calls.find((c) => c.op === 'fill')?.alpha).toBe(0.12);
  });

  it('places the view where Cytoscape does: model = (screen - pan) / zoom', () => {
    expect(viewExtent({ ...view, zoom: 2, pan: { x: 100, y: 50 } })).toEqual({
      x1: -50,
      y1: -25,
      x2: 50,
      y2: 25,
    });
  });
});

describe('the bulk layer: reading the scene from Cytoscape', () => {
  const graph = () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet('bulk') });
    cy.add([
      {
        data: { id: 'a', name: 'A', shape: 'ellipse', size: 24 },
        classes: 'n-Nation',
        position: { x: 0, y: 0 },
      },
      {
        data: { id: 'b', name: 'B', shape: 'hexagon', size: 40 },
        classes: 'n-Alliance',
        position: { x: 100, y: 0 },
      },
      {
        data: { id: 'c', name: 'C', shape: 'ellipse', size: 24 },
        classes: 'n-Nation',
        position: { x: 0, y: 100 },
      },
      { data: { id: 'ab', source: 'a', target: 'b' }, classes: 'r-MEMBER_OF' },
      { data: { id: 'cb', source: 'c', target: 'b' }, classes: 'r-MEMBER_OF' },
    ]);
    return cy;
  };

  it('reads positions, sizes, shapes and style colours, a slice at a time', () => {
    const cy = graph();
    const reader = sceneReader(cy, 7);
    while (!reader.step(0)) {
      // A zero budget still makes progress.
    }
    const { scene: s } = reader;
    expect(s.version).toBe(7);
    expect(Array.from(s.drawn)).toEqual([1, 1, 1]);
    expect(s.nodes[1 * BPN]).toBe(100);
    expect(s.nodes[1 * BPN + 2]).toBe(20);
    expect(s.nodes[1 * BPN + 3]).toBe(SHAPE.hexagon);
    const a = cy.getElementById('a') as unknown as { pstyle(p: string): { value: number[] } };
    const bg = a.pstyle('background-color').value;
    expect(s.fill[0]).toBe(packColour(bg, 0.92));
    expect(Array.from(s.ends)).toEqual([0, 1, 2, 1]);
    expect(s.labels).toEqual(['A', 'B', 'C']);
    expect(reader.emphasised).toEqual([]);
  });

  it('leaves selected and highlighted elements to Cytoscape, and hidden ones out', () => {
    const cy = graph();
    cy.getElementById('a').select();
    cy.getElementById('ab').addClass('hl');
    cy.getElementById('c').style('display', 'none');
    const reader = sceneReader(cy, 1);
    reader.step(100);
    expect(Array.from(reader.scene.drawn)).toEqual([0, 1, 0]);
    // Hidden nodes have no radius (nothing to hit); the selected one keeps its own.
    expect(reader.scene.nodes[2 * BPN + 2]).toBe(0);
    expect(reader.scene.nodes[0 * BPN + 2]).toBe(12);
    expect(reader.emphasised.map((e) => e.id()).sort()).toEqual(['a', 'ab']);
    // Edge c-b: its end is hidden, so it is not drawn either.
    expect(reader.scene.stroke.length).toBe(0);
  });

  it('keeps view state off cy.scratch, and lists elements in one pass', () => {
    const cy = graph();
    setViewState(cy, 'k', 3);
    expect(viewState<number>(cy, 'k')).toBe(3);
    setViewState(cy, 'k', undefined);
    expect(viewState(cy, 'k')).toBeUndefined();
    const lists = elementLists(cy);
    expect(lists.nodes.map((n) => n.id())).toEqual(['a', 'b', 'c']);
    expect(lists.edges.map((e) => e.id())).toEqual(['ab', 'cb']);
  });
});

describe('the hit grid', () => {
  it('finds exactly the nodes a brute-force search finds', () => {
    const point = fc.tuple(
      fc.integer({ min: -500, max: 500 }),
      fc.integer({ min: -500, max: 500 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.integer({ min: 1, max: 40 })), {
          minLength: 1,
          maxLength: 200,
        }),
        point,
        fc.integer({ min: 0, max: 100 }),
        (nodes, [qx, qy], pad) => {
          const xy = Float32Array.from(nodes.flatMap(([[x, y]]) => [x, y]));
          const r = Float32Array.from(nodes.map(([, radius]) => radius));
          const brute = nodes
            .map(([[x, y], radius], j) => ({ j, hit: Math.hypot(x - qx, y - qy) <= radius + pad }))
            .filter((n) => n.hit)
            .map((n) => n.j);
          expect(
            hitGrid(xy, r)
              .near(qx, qy, pad)
              .sort((a, b) => a - b),
          ).toEqual(brute);
        },
      ),
    );
  });

  it('finds nothing in an empty graph', () => {
    expect(hitGrid(new Float32Array(0), new Float32Array(0)).near(0, 0, 10)).toEqual([]);
  });
});

describe('the hit grid keeps its own copy', () => {
  it('still answers after the arrays it was built from are transferred away', () => {
    const xy = Float32Array.from([0, 0, 100, 100]);
    const r = Float32Array.from([5, 5]);
    const grid = hitGrid(xy, r);
    // What the bulk layer does with new positions: post them to its worker, transferring them.
    structuredClone(xy, { transfer: [xy.buffer] });
    expect(xy.length).toBe(0);
    expect(grid.near(100, 100, 1)).toEqual([1]);
  });
});
