import type { Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import type { ReadableAtom } from 'nanostores';
import { setDetail } from './cy.js';
import type { ElementDef, Scene } from './elements.js';
import { seededRandom } from './seeded-random.js';

/**
 * Classes other bindings own (hover/selection highlight, labels hidden by declutterLabels);
 * a scene update must keep them.
 */
const TRANSIENT = ['hl', 'faded', 'label-off'];

export interface ElementsBinding {
  dispose(): void;
  /** Positions remembered for nodes that left the canvas (filtered out), by id. */
  cache: Map<string, Position>;
}

/**
 * Diffs each scene into cy inside one batch, nodes before edges. Nodes that leave (a filter,
 * the nation view) keep their position in a cache and get it back when they return, so filter
 * changes never move anything. Truly new nodes start next to their placed neighbours and are
 * reported through `onAdded`, which runs an incremental layout.
 */
export function bindElements(
  cy: Core,
  $scene: ReadableAtom<Scene>,
  hooks: { onAdded(ids: string[]): void; onApplied(): void },
): ElementsBinding {
  const cache = new Map<string, Position>();
  const apply = (scene: Scene) => {
    const want = new Map(scene.elements.map((e) => [e.data.id, e]));
    const added: string[] = [];
    cy.batch(() => {
      const gone = cy.elements().filter((ele) => !want.has(ele.id()));
      gone.nodes().forEach((n) => {
        cache.set(n.id(), { ...n.position() });
      });
      cy.remove(gone);
      const nodeDefs = scene.elements.filter((e) => e.group === 'nodes');
      const edgeDefs = scene.elements.filter((e) => e.group === 'edges');
      // Switch the level of detail before adding, so thousands of new elements are styled once.
      setDetail(cy, nodeDefs.length);
      const fresh: ElementDef[] = [];
      for (const def of nodeDefs) {
        const ele = cy.getElementById(def.data.id);
        if (ele.nonempty()) update(ele, def);
        else fresh.push(def);
      }
      const around = fresh.length > 0 ? adjacency(edgeDefs) : new Map<string, string[]>();
      const adds: ElementDefinition[] = [];
      for (const def of fresh) {
        const known = cache.get(def.data.id);
        const position = known ?? placeNear(cy, def.data.id, around.get(def.data.id) ?? []);
        adds.push({ group: 'nodes', data: def.data, classes: def.classes, position });
        if (!known) added.push(def.data.id);
      }
      // One add for all new nodes, then one for all new edges: far cheaper than one at a time.
      if (adds.length > 0) cy.add(adds);
      const edgeAdds: ElementDefinition[] = [];
      for (const def of edgeDefs) {
        const ele = cy.getElementById(def.data.id);
        if (ele.nonempty()) update(ele, def);
        else edgeAdds.push({ group: 'edges', data: def.data, classes: def.classes });
      }
      if (edgeAdds.length > 0) cy.add(edgeAdds);
    });
    hooks.onApplied();
    if (added.length > 0) hooks.onAdded(added);
  };
  const unsubscribe = $scene.subscribe(apply);
  return { dispose: unsubscribe, cache };
}

function update(ele: ReturnType<Core['getElementById']>, def: ElementDef) {
  for (const [key, value] of Object.entries(def.data)) {
    if (ele.data(key) !== value) ele.data(key, value);
  }
  const keep = TRANSIENT.filter((c) => ele.hasClass(c));
  const next = [def.classes, ...keep].join(' ').trim();
  if ((ele.classes() as unknown as string[]).join(' ') !== next) ele.classes(next);
}

/** Neighbour ids per node id, over the scene's edges. */
function adjacency(edges: readonly ElementDef[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  for (const e of edges) {
    add(String(e.data.source), String(e.data.target));
    add(String(e.data.target), String(e.data.source));
  }
  return out;
}

/** A number from a node id: its start offset is the same every time it arrives. */
function idHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h;
}

/** A start position next to already placed neighbours, else near the middle of the view. */
function placeNear(cy: Core, id: string, neighbours: readonly string[]): Position {
  const anchors: NodeSingular[] = [];
  for (const other of neighbours) {
    const n = cy.getElementById(other);
    if (n.nonempty() && n.isNode()) anchors.push(n);
  }
  const rand = seededRandom(idHash(id));
  const angle = rand() * Math.PI * 2;
  if (anchors.length > 0) {
    const x = anchors.reduce((s, n) => s + n.position('x'), 0) / anchors.length;
    const y = anchors.reduce((s, n) => s + n.position('y'), 0) / anchors.length;
    const r = 80 + rand() * 60;
    return { x: x + r * Math.cos(angle), y: y + r * Math.sin(angle) };
  }
  const ext = cy.extent();
  const r = rand() * Math.min(ext.w, ext.h) * 0.25;
  return {
    x: (ext.x1 + ext.x2) / 2 + r * Math.cos(angle),
    y: (ext.y1 + ext.y2) / 2 + r * Math.sin(angle),
  };
}
