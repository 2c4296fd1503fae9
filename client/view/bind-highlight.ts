import type { Core } from 'cytoscape';
import type { ReadableAtom } from 'nanostores';
import { bulkLayerOf } from './cy.js';

/**
 * Highlights the neighbourhood of the hovered node, or else of the selected one: the closed
 * neighbourhood gets `hl`, everything else `faded`. Re-run after each scene update. With the
 * bulk layer (view/bulk-layer.ts) the rest recedes there instead: `faded` on thousands of
 * elements would restyle them all, a task of a second at 10,000 nodes.
 */
export function bindHighlight(
  cy: Core,
  $hover: ReadableAtom<string | null>,
  $selection: ReadableAtom<string | null>,
) {
  const apply = () => {
    const focusId = $hover.get() ?? $selection.get();
    const layer = bulkLayerOf(cy);
    let dim = false;
    cy.batch(() => {
      cy.elements().removeClass('hl faded');
      const selected = $selection.get();
      cy.$(':selected').forEach((ele) => {
        if (ele.id() !== selected) ele.unselect();
      });
      if (selected) cy.getElementById(selected).select();
      if (!focusId) return;
      const focus = cy.getElementById(focusId);
      if (focus.empty()) return;
      const around = focus.isNode()
        ? focus.closedNeighborhood()
        : cy.getElementById(focusId).connectedNodes().union(cy.getElementById(focusId));
      around.addClass('hl');
      if (layer) dim = true;
      else cy.elements().not(around).addClass('faded');
    });
    layer?.dim(dim);
  };
  const offs = [$hover.listen(apply), $selection.listen(apply)];
  return {
    refresh: apply,
    dispose: () => {
      for (const off of offs) off();
    },
  };
}
