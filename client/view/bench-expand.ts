import type { Core } from 'cytoscape';
import { atom } from 'nanostores';
import { bindElements } from './bind-elements.js';
import { fitDrawn } from './cy.js';
import type { ElementDef, Scene } from './elements.js';
import { runLayout } from './layouts.js';
import { seededRandom } from './seeded-random.js';

/** Nodes an expansion brings in the render bench: about one neighbourhood's worth. */
export const EXPAND_NODES = 50;

/**
 * `count` new nations around the alliance hub `hub` of a synthetic graph of `n` nodes
 * (view/synthetic.ts), each a member of the hub and of one other drawn node, as an expansion
 * of that hub would bring them.
 */
export function syntheticExpansion(n: number, count: number, hub: string, seed = 7): ElementDef[] {
  const rand = seededRandom(seed);
  const out: ElementDef[] = [];
  for (let k = 0; k < count; k++) {
    const id = `x${k}`;
    out.push({
      group: 'nodes',
      data: { id, name: `Nation x${k}`, label: 'Nation', shape: 'ellipse', size: 24 },
      classes: 'n-Nation',
    });
    const other = `s${Math.floor(rand() * n)}`;
    for (const [i, target] of [hub, other].entries()) {
      if (i === 1 && target === hub) continue;
      out.push({
        group: 'edges',
        data: { id: `x${k}-${i}`, source: id, target, type: 'MEMBER_OF' },
        classes: 'r-MEMBER_OF',
      });
    }
  }
  return out;
}

/**
 * An expansion into what `cy` draws, the way the app does one: the element binding is set up
 * over what is drawn (as the app's already is), then `expand` grows the scene by `extra`, the
 * binding diffs it into `cy` (new nodes start next to their neighbours) and the incremental
 * layout runs from the current positions, fitting in the task where its last positions land.
 * `expand` resolves when the layout has ended.
 */
export function prepareExpansion(cy: Core): {
  expand(extra: readonly ElementDef[]): Promise<void>;
} {
  const now: ElementDef[] = cy.elements().map((e) => ({
    group: e.isNode() ? 'nodes' : 'edges',
    data: e.data(),
    classes: (e.classes() as unknown as string[]).join(' '),
  }));
  const scene = (elements: ElementDef[]): Scene => ({
    elements,
    total: elements.filter((e) => e.group === 'nodes').length,
    hidden: 0,
  });
  const $scene = atom(scene(now));
  let laidOut: Promise<void> = Promise.resolve();
  const binding = bindElements(cy, $scene, {
    onApplied: () => undefined,
    onAdded: () => {
      laidOut = runLayout(cy, {
        name: 'fcose',
        incremental: true,
        pinned: new Set(),
        fit: true,
        onPlaced: () => fitDrawn(cy, 30),
      });
    },
  });
  return {
    async expand(extra) {
      $scene.set(scene([...now, ...extra]));
      // In bulk detail the new elements go in a task after the diff (view/bind-elements.ts).
      await binding.applied();
      await laidOut;
      binding.dispose();
    },
  };
}
