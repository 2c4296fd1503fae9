/** Pure position maths for the preset layouts (grouped by alliance, geographic). */

import { GEO_SCALE, type Pt, project } from '../../server/contract/world-geometry.js';

export type { Pt };
/** The geographic layout's projection, shared with the world layer and the server's slides. */
export { GEO_SCALE, project };

export interface LayoutNode {
  id: string;
  label: string;
  lat?: number;
  lon?: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** Sunflower packing: even spacing around a centre for any count. */
export function sunflower(centre: Pt, i: number, spacing: number): Pt {
  const r = spacing * Math.sqrt(i + 0.5);
  return { x: centre.x + r * Math.cos(i * GOLDEN), y: centre.y + r * Math.sin(i * GOLDEN) };
}

function neighbours(edges: readonly LayoutEdge[]) {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return map;
}

const mean = (pts: Pt[]): Pt => ({
  x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
  y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
});

/** Lays the unplaced nodes out in rows under a given y, in input order. */
function rowsBelow(ids: string[], y: number, out: Map<string, Pt>, width = 1200) {
  const perRow = Math.max(1, Math.floor(width / 90));
  ids.forEach((id, i) => {
    out.set(id, { x: -width / 2 + (i % perRow) * 90, y: y + Math.floor(i / perRow) * 80 });
  });
}

/**
 * Alliances on a ring, each with its sole members packed around it; nations in several
 * alliances sit between them, which makes overlaps visible as bridges.
 */
export function groupedPositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) {
  const nb = neighbours(edges);
  const alliances = nodes
    .filter((n) => n.label === 'Alliance')
    .sort((a, b) => (nb.get(b.id)?.length ?? 0) - (nb.get(a.id)?.length ?? 0));
  const allianceIds = new Set(alliances.map((a) => a.id));
  const home = new Map<string, string[]>();
  for (const n of nodes) {
    if (allianceIds.has(n.id)) continue;
    home.set(
      n.id,
      (nb.get(n.id) ?? []).filter((x) => allianceIds.has(x)),
    );
  }
  const sole = new Map<string, string[]>();
  for (const [id, groups] of home) {
    const [only] = groups;
    if (groups.length === 1 && only) sole.set(only, [...(sole.get(only) ?? []), id]);
  }
  const SPACING = 42;
  const radii = alliances.map((a) => SPACING * Math.sqrt((sole.get(a.id)?.length ?? 0) + 1) + 70);
  const circumference = radii.reduce((s, r) => s + 2 * r + 60, 0);
  const ring = alliances.length <= 1 ? 0 : Math.max(260, circumference / (2 * Math.PI));
  const out = new Map<string, Pt>();
  alliances.forEach((a, i) => {
    const angle = (i / Math.max(1, alliances.length)) * Math.PI * 2 - Math.PI / 2;
    const centre = { x: ring * Math.cos(angle), y: ring * Math.sin(angle) };
    out.set(a.id, centre);
    (sole.get(a.id) ?? []).forEach((id, j) => {
      out.set(id, sunflower(centre, j + 1, SPACING));
    });
  });
  const rest: string[] = [];
  let k = 0;
  for (const n of nodes) {
    if (out.has(n.id)) continue;
    const placed = (nb.get(n.id) ?? []).map((x) => out.get(x)).filter((p): p is Pt => !!p);
    if (placed.length >= 2) out.set(n.id, sunflower(mean(placed), k++ % 7, 28));
    else rest.push(n.id);
  }
  const maxY = Math.max(0, ...[...out.values()].map((p) => p.y));
  rowsBelow(rest, maxY + 160, out);
  return out;
}

/**
 * Nations at their capitals (states sharing a capital are fanned out), other nodes at the
 * centroid of their placed neighbours, anything unplaceable in rows under the map.
 */
export function geoPositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) {
  const nb = neighbours(edges);
  const out = new Map<string, Pt>();
  const seen = new Map<string, number>();
  for (const n of nodes) {
    if (n.lat === undefined || n.lon === undefined) continue;
    const p = project(n.lon, n.lat);
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    const dup = seen.get(key) ?? 0;
    seen.set(key, dup + 1);
    out.set(n.id, dup === 0 ? p : sunflower(p, dup, 16));
  }
  const rest: string[] = [];
  let k = 0;
  for (const n of nodes) {
    if (out.has(n.id)) continue;
    const placed = (nb.get(n.id) ?? []).map((x) => out.get(x)).filter((p): p is Pt => !!p);
    if (placed.length > 0) out.set(n.id, sunflower(mean(placed), k++ % 5, 22));
    else rest.push(n.id);
  }
  rowsBelow(rest, 95 * GEO_SCALE, out, 3000);
  return out;
}
