/**
 * The world map's geometry, shared by the explorer's canvas layer and the server's slide SVG:
 * one projection, one frame, one way of turning the Natural Earth outline into rings.
 * Pure: it takes plain GeoJSON-like values, so it holds no data and imports nothing.
 */

/** A point in model coordinates (the units node positions are saved in). */
export interface Pt {
  x: number;
  y: number;
}

/** Model units per degree of the equirectangular projection. */
export const GEO_SCALE = 6;

/** Equirectangular projection in model units (north up: latitude grows upwards). */
export const project = (lon: number, lat: number): Pt => ({
  x: lon * GEO_SCALE,
  y: -lat * GEO_SCALE,
});

/** The drawn part of the world: longitudes -180..180, latitudes 84 N..60 S. */
export const WORLD_FRAME = {
  x: -180 * GEO_SCALE,
  y: -84 * GEO_SCALE,
  width: 360 * GEO_SCALE,
  height: (84 + 60) * GEO_SCALE,
};

/** Sea, land and border colours of the map layer (the same in every theme: it is a base). */
export const WORLD_COLOURS = { sea: '#eef3f8', land: '#d7dee6', border: '#ffffff' };

/** Border width in screen pixels (divide by the zoom for model units). */
export const WORLD_BORDER_WIDTH = 1.2;

/** Antarctica (ISO 3166 numeric 010): no capitals, and it dominates the frame. */
const LEFT_OUT = new Set(['010']);

type Position = readonly number[];
/** A feature as topojson-client's `feature()` returns it, reduced to what is read here. */
export interface WorldFeature {
  id?: string | number | undefined;
  geometry: { type: string; coordinates?: unknown } | null;
}

/** A projected ring with its longitudes unwrapped, so one crossing 180° does not streak. */
export function projectRing(ring: readonly Position[]): Pt[] {
  const out: Pt[] = [];
  let prevLon: number | null = null;
  let offset = 0;
  for (const [lon = 0, lat = 0] of ring) {
    if (prevLon !== null && Math.abs(lon + offset - prevLon) > 180) {
      offset += lon + offset > prevLon ? -360 : 360;
    }
    out.push(project(lon + offset, lat));
    prevLon = lon + offset;
  }
  return out;
}

/**
 * The map as projected rings: `land` (closed polygons of every country but Antarctica) and
 * `borders` (open lines between countries, from topojson's `mesh`).
 */
export function worldRings(
  countries: readonly WorldFeature[],
  borderLines: readonly (readonly Position[])[],
): { land: Pt[][]; borders: Pt[][] } {
  const land: Pt[][] = [];
  for (const f of countries) {
    if (f.id !== undefined && LEFT_OUT.has(String(f.id))) continue;
    const g = f.geometry;
    if (!g) continue;
    const polys =
      g.type === 'Polygon'
        ? [g.coordinates as Position[][]]
        : g.type === 'MultiPolygon'
          ? (g.coordinates as Position[][][])
          : [];
    for (const poly of polys) for (const ring of poly) land.push(projectRing(ring));
  }
  return { land, borders: borderLines.map((line) => projectRing(line)) };
}

/** Rings as SVG path data, coordinates rounded to 0.1 model units. */
export function ringsPath(rings: readonly (readonly Pt[])[], close: boolean): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  const parts: string[] = [];
  for (const ring of rings) {
    if (ring.length === 0) continue;
    parts.push(ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(''));
    if (close) parts.push('Z');
  }
  return parts.join('');
}

/** The map as SVG path data in model coordinates: land polygons and border lines. */
export interface WorldPaths {
  land: string;
  borders: string;
}
