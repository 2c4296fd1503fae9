import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ringsPath, type WorldPaths, worldRings } from '../contract/world-geometry.js';

const require = createRequire(import.meta.url);
let cached: WorldPaths | undefined;

/**
 * The world outline the explorer draws under a geographic view (Natural Earth 110m from
 * world-atlas, the same file and geometry as client/view/world-layer.ts), as SVG path data
 * for server-drawn slides. Built once (about 100 kB of path data).
 */
export function worldPaths(): WorldPaths {
  if (cached) return cached;
  const topo = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection;
  }>;
  const rings = worldRings(
    feature(topo, topo.objects.countries).features,
    mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates,
  );
  cached = { land: ringsPath(rings.land, true), borders: ringsPath(rings.borders, false) };
  return cached;
}
