import type { Core } from 'cytoscape';
import { layers } from 'cytoscape-layers';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import {
  type Pt,
  WORLD_BORDER_WIDTH,
  WORLD_COLOURS,
  WORLD_FRAME,
  worldRings,
} from '../../server/contract/world-geometry.js';

let cached: { land: Path2D; borders: Path2D; frame: Path2D } | null = null;

function toPath(rings: readonly Pt[][], close: boolean): Path2D {
  const path = new Path2D();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      if (i === 0) path.moveTo(p.x, p.y);
      else path.lineTo(p.x, p.y);
    });
    if (close) path.closePath();
  }
  return path;
}

/** The world outline shipped with the app (Natural Earth 110m via world-atlas): works offline. */
function paths() {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const rings = worldRings(
    feature(topo, topo.objects.countries).features,
    mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates,
  );
  const frame = new Path2D();
  frame.rect(WORLD_FRAME.x, WORLD_FRAME.y, WORLD_FRAME.width, WORLD_FRAME.height);
  cached = { land: toPath(rings.land, true), borders: toPath(rings.borders, false), frame };
  return cached;
}

/** Draws the outline in model coordinates; the caller sets the transform (screen or export). */
export function drawWorld(ctx: CanvasRenderingContext2D, zoom: number) {
  const { land, borders, frame } = paths();
  ctx.save();
  ctx.fillStyle = WORLD_COLOURS.sea;
  ctx.fill(frame);
  ctx.clip(frame);
  ctx.fillStyle = WORLD_COLOURS.land;
  ctx.fill(land);
  ctx.strokeStyle = WORLD_COLOURS.border;
  ctx.lineWidth = WORLD_BORDER_WIDTH / zoom;
  ctx.stroke(borders);
  ctx.restore();
}

/** A canvas layer under the nodes that shows the map while `visible()` says so. */
export function bindWorldLayer(cy: Core, visible: () => boolean) {
  const layer = layers(cy).nodeLayer.insertBefore('canvas');
  layer.callback((ctx: CanvasRenderingContext2D) => {
    if (visible()) drawWorld(ctx, cy.zoom());
  });
  return { update: () => layer.update(), dispose: () => layer.remove() };
}
