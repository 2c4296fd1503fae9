import cytoscape, { type Core } from 'cytoscape';
import BubbleSets from 'cytoscape-bubblesets';
import fcose from 'cytoscape-fcose';
import Layers from 'cytoscape-layers';
import svg from 'cytoscape-svg';
import { type Detail, stylesheet } from './stylesheet.js';

/** From this many drawn nodes the canvas draws in bulk detail (stylesheet.ts). */
export const BULK_NODES = 2000;

/**
 * Sets the level of detail for a view of `nodes` nodes: full below BULK_NODES, bulk from it.
 * Restyling is done only when the level changes; call it before adding many elements.
 */
export function setDetail(cy: Core, nodes: number): void {
  const want: Detail = nodes >= BULK_NODES ? 'bulk' : 'full';
  if ((cy.scratch('entente-detail') ?? 'full') === want) return;
  cy.scratch('entente-detail', want);
  cy.style(stylesheet(want));
}

let registered = false;

/** Creates the one Cytoscape instance. Everything else in the app sees `cy` only through view/. */
export function createCy(container: HTMLElement): Core {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(Layers);
    cytoscape.use(BubbleSets);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    // Textures while panning/zooming keep large views fluid on software rendering.
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    pixelRatio: 'auto',
    boxSelectionEnabled: false,
  });
}
