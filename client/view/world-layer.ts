import type { Core } from 'cytoscape';
import { layers } from 'cytoscape-layers';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { GEO_SCALE, project } from './positions.js';

type Ring = [number, number][];

let cached: { land: Path2D; borders: Path2D; frame: Path2D } | null = null;

/** Longitudes unwrapped so a ring crossing the antimeridian does not streak across the map. */
function addRing(path: Path2D, ring: Ring, close: boolean) {
  let prevLon: number | null = null;
  let offset = 0;
  ring.forEach(([lon, lat], i) => {
    if (prevLon !== null && Math.abs(lon + offset - prevLon) > 180) {
      offset += lon + offset > prevLon ? -360 : 360;
    }
    const p = project(lon + offset, lat);
    if (i === 0) path.moveTo(p.x, p.y);
    else path.lineTo(p.x, p.y);
    prevLon = lon + offset;
  });
  if (close) path.closePath();
}

/** The world outline shipped with the app (Natural Earth 110m via world-atlas): works offline. */
function paths() {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const land = new Path2D();
  const countries = feature(topo, topo.objects.countries);
  for (const f of countries.features) {
    if (f.id === '010') continue; // Antarctica: no capitals, and it dominates the frame.
    const g = f.geometry;
    const polys =
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) for (const ring of poly) addRing(land, ring as Ring, true);
  }
  const borders = new Path2D();
  const lines = mesh(topo, topo.objects.countries, (a, b) => a !== b);
  for (const line of lines.coordinates) addRing(borders, line as Ring, false);
  const frame = new Path2D();
  const tl = project(-180, 84);
  frame.rect(tl.x, tl.y, 360 * GEO_SCALE, (84 + 60) * GEO_SCALE);
  cached = { land, borders, frame };
  return cached;
}

/** Draws the outline in model coordinates; the caller sets the transform (screen or export). */
export function drawWorld(ctx: CanvasRenderingContext2D, zoom: number) {
  const { land, borders, frame } = paths();
  ctx.save();
  ctx.fillStyle = '#eef3f8';
  ctx.fill(frame);
  ctx.clip(frame);
  ctx.fillStyle = '#d7dee6';
  ctx.fill(land);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.2 / zoom;
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
