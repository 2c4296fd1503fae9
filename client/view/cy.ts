import cytoscape, { type Core } from 'cytoscape';
import BubbleSets from 'cytoscape-bubblesets';
import fcose from 'cytoscape-fcose';
import Layers from 'cytoscape-layers';
import svg from 'cytoscape-svg';
import { plainEdgeDrawing } from './bulk-edges.js';
import { isHardwareGl } from './gl-probe.js';
import { type Detail, stylesheet } from './stylesheet.js';

/** The page's WebGL renderer string, or null without WebGL. */
export function glRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof name === 'string' ? name : null;
}

/**
 * Cytoscape's WebGL renderer, only on a hardware GPU (through SwiftShader it is ~10x slower
 * than canvas, ../shared/PLATFORM.md) and only when opted in with localStorage
 * `entente-webgl` = `on`: it has not been tried on a GPU with the hull and map layers yet.
 */
function webglWanted(): boolean {
  try {
    return localStorage.getItem('entente-webgl') === 'on' && isHardwareGl(glRenderer());
  } catch {
    return false;
  }
}

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
  viewportGestures(cy, want === 'bulk');
}

/**
 * While the user pans or zooms a bulk view, Cytoscape hides edges and moves a texture of the
 * drawing instead of redrawing thousands of elements per frame. These are renderer options
 * given at creation; the renderer reads them from its own fields on every frame, so they are
 * switched there (the level of detail changes after creation).
 */
function viewportGestures(cy: Core, on: boolean) {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (!r) return;
  r.hideEdgesOnViewport = on;
  r.textureOnViewport = on;
  plainEdgeDrawing(cy, on);
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
    // Switched on for bulk detail (setDetail): small views keep edges while panning.
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    pixelRatio: 'auto',
    boxSelectionEnabled: false,
    ...(webglWanted() ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
}
