import type {
  CollectionArgument,
  Core,
  EdgeSingular,
  ElementDefinition,
  NodeSingular,
  Position,
} from 'cytoscape';
import type { ReadableAtom } from 'nanostores';
import { BULK_NODES, setDetail } from './cy.js';
import { elementLists } from './cy-store.js';
import type { ElementDef, Scene } from './elements.js';
import { nextTask } from './next-task.js';
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
  /** Resolves once the latest scene is fully in (a bulk scene's new elements go a task later). */
  applied(): Promise<void>;
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
  let applying = 0;
  const apply = (scene: Scene) => {
    const want = new Map<string, ElementDef>();
    let nodeCount = 0;
    for (const e of scene.elements) {
      want.set(e.data.id, e);
      if (e.group === 'nodes') nodeCount += 1;
    }
    const run = ++applying;
    const present = new Set<string>();
    cy.batch(() => {
      // Switch the level of detail first, so thousands of new elements are styled once.
      setDetail(cy, nodeCount);
      // One pass over what is drawn (the element lists, not `cy.elements()` or
      // `cy.getElementById`, which build a collection per call): update what stays, note
      // what goes. At 10,000 nodes this runs over 40,000 elements on every scene change.
      const { nodes, edges } = elementLists(cy);
      const gone: (NodeSingular | EdgeSingular)[] = [];
      for (const list of [nodes, edges]) {
        for (const ele of list) {
          const def = want.get(ele.id());
          if (!def) {
            gone.push(ele);
            continue;
          }
          present.add(def.data.id);
          update(ele, def);
        }
      }
      for (const ele of gone) if (ele.isNode()) cache.set(ele.id(), { ...ele.position() });
      if (gone.length > 0) cy.remove(cy.collection(gone as unknown as CollectionArgument));
    });
    /** New elements in, then the hooks (a layout for new nodes). */
    const addFresh = () => {
      const added: string[] = [];
      cy.batch(() => {
        const fresh: ElementDef[] = [];
        const edgeAdds: ElementDefinition[] = [];
        for (const def of scene.elements) {
          if (present.has(def.data.id)) continue;
          if (def.group === 'nodes') fresh.push(def);
          else edgeAdds.push({ group: 'edges', data: def.data, classes: def.classes });
        }
        const around =
          fresh.length > 0
            ? adjacency(scene.elements.filter((e) => e.group === 'edges'))
            : new Map<string, string[]>();
        const adds: ElementDefinition[] = [];
        for (const def of fresh) {
          const known = cache.get(def.data.id);
          const position = known ?? placeNear(cy, def.data.id, around.get(def.data.id) ?? []);
          adds.push({ group: 'nodes', data: def.data, classes: def.classes, position });
          if (!known) added.push(def.data.id);
        }
        // One add for all new nodes, then one for all new edges: far cheaper than one at a time.
        if (adds.length > 0) cy.add(adds);
        if (edgeAdds.length > 0) cy.add(edgeAdds);
      });
      hooks.onApplied();
      if (added.length > 0) hooks.onAdded(added);
    };
    // In bulk detail the diff above walks 40,000 elements; adding in the same task would make
    // one long task of both, so the new elements go in the next one. A newer scene arriving
    // meanwhile takes over (its diff adds whatever is still missing).
    if (nodeCount < BULK_NODES) {
      addFresh();
      return;
    }
    pending = nextTask().then(() => {
      if (run === applying) addFresh();
    });
  };
  let pending: Promise<void> = Promise.resolve();
  const unsubscribe = $scene.subscribe(apply);
  return { dispose: unsubscribe, cache, applied: () => pending };
}

/** The `classes` string each element last got from its definition (other bindings own the transient ones). */
const appliedClasses = new WeakMap<object, string>();

/**
 * Brings an element in line with its definition, touching it only where it differs: this runs
 * for every drawn element on each scene change (40,000 at 10,000 nodes), so the unchanged
 * case reads the element's data object once (`data()` with no key returns it, not a copy)
 * and compares classes without building strings.
 */
function update(ele: NodeSingular | EdgeSingular, def: ElementDef) {
  const current = ele.data() as Record<string, unknown>;
  const data = def.data as Record<string, unknown>;
  for (const key in data) {
    if (current[key] !== data[key]) ele.data(key, data[key]);
  }
  // The classes this binding last gave the element: the same string, nothing to compare.
  if (appliedClasses.get(ele) === def.classes) return;
  appliedClasses.set(ele, def.classes);
  const have = ele.classes() as unknown as string[];
  const want = def.classes ? def.classes.split(' ').filter(Boolean) : [];
  let same = true;
  let k = 0;
  for (const c of have) {
    if (TRANSIENT.includes(c)) continue;
    if (want[k] !== c) {
      same = false;
      break;
    }
    k += 1;
  }
  if (same && k === want.length) return;
  const keep = TRANSIENT.filter((c) => ele.hasClass(c));
  ele.classes([...want, ...keep].join(' '));
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
