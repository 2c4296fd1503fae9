import cytoscape, { type Core } from 'cytoscape';
import BubbleSets from 'cytoscape-bubblesets';
import fcose from 'cytoscape-fcose';
import Layers from 'cytoscape-layers';
import svg from 'cytoscape-svg';
import { stylesheet } from './stylesheet.js';

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
