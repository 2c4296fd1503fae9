import type { GraphNode } from '../../server/contract/index.js';
import type { Canvas } from './model.js';

/** Pure producers over the canvas document. Each returns the same object when nothing changes. */

export const emptyCanvas: Canvas = { nodes: {}, order: [], pinned: [], omitted: {} };

export function addNodes(c: Canvas, nodes: readonly GraphNode[]): Canvas {
  const fresh = nodes.filter((n) => !(n.id in c.nodes) || c.nodes[n.id] !== n);
  if (fresh.length === 0) return c;
  const map = { ...c.nodes };
  const order = [...c.order];
  for (const n of fresh) {
    if (!(n.id in map)) order.push(n.id);
    map[n.id] = n;
  }
  return { ...c, nodes: map, order };
}

export function removeNodes(c: Canvas, ids: readonly string[]): Canvas {
  const drop = new Set(ids.filter((id) => id in c.nodes));
  if (drop.size === 0) return c;
  const nodes = Object.fromEntries(Object.entries(c.nodes).filter(([id]) => !drop.has(id)));
  const omitted = Object.fromEntries(Object.entries(c.omitted).filter(([id]) => !drop.has(id)));
  return {
    nodes,
    omitted,
    order: c.order.filter((id) => !drop.has(id)),
    pinned: c.pinned.filter((id) => !drop.has(id)),
  };
}

export function togglePin(c: Canvas, id: string): Canvas {
  if (!(id in c.nodes)) return c;
  const pinned = c.pinned.includes(id) ? c.pinned.filter((p) => p !== id) : [...c.pinned, id];
  return { ...c, pinned };
}

/** Remembers how many neighbours an expansion left out; 0 clears the note. */
export function setOmitted(c: Canvas, id: string, omitted: number): Canvas {
  if ((c.omitted[id] ?? 0) === omitted) return c;
  const next = { ...c.omitted };
  if (omitted > 0) next[id] = omitted;
  else delete next[id];
  return { ...c, omitted: next };
}

export const canvasIds = (c: Canvas): readonly string[] => c.order;
