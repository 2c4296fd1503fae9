import type { Core } from 'cytoscape';
import { type BubbleSetPath, BubbleSetsPlugin } from 'cytoscape-bubblesets';
import type { OverlapSet } from '../state/model.js';
import { hullColour } from './palette-hulls.js';

/**
 * Draws a bubble-set hull around each chosen alliance and its members. Members shared by
 * several alliances end up inside several hulls (and carry the `multi` ring from elements.ts).
 */
export function bindHulls(cy: Core) {
  let plugin: BubbleSetsPlugin | null = null;
  let paths: { path: BubbleSetPath; colour: string }[] = [];
  let current: readonly OverlapSet[] = [];

  const redraw = () => {
    for (const p of paths) plugin?.removePath(p.path);
    paths = [];
    if (current.length === 0) return;
    plugin ??= new BubbleSetsPlugin(cy, { interactive: false, throttle: 50 });
    current.forEach((set, i) => {
      const ids = new Set([set.id, ...set.members]);
      const nodes = cy.nodes().filter((n) => ids.has(n.id()));
      if (nodes.length < 2) return;
      const colour = hullColour(i);
      const others = cy.nodes().difference(nodes);
      const path = plugin?.addPath(nodes, null, others, {
        style: { fill: `${colour}33`, stroke: colour, strokeWidth: '2px' },
        virtualEdges: true,
      } as never);
      if (path) paths.push({ path, colour });
    });
  };

  return {
    set(sets: readonly OverlapSet[]) {
      current = sets;
      redraw();
    },
    refresh: redraw,
    /** The hull outlines in model coordinates, for the export. */
    outlines(): { d: string; colour: string }[] {
      return paths.map((p) => ({ d: p.path.node.getAttribute('d') ?? '', colour: p.colour }));
    },
    dispose() {
      plugin?.destroy();
    },
  };
}
