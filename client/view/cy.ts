import cytoscape, { type Core } from 'cytoscape';
import BubbleSets from 'cytoscape-bubblesets';
import fcose from 'cytoscape-fcose';
import Layers from 'cytoscape-layers';
import svg from 'cytoscape-svg';
import { plainEdgeDrawing } from './bulk-edges.js';
import { attachBulkLayer, type BulkLayer } from './bulk-layer.js';
import { elementLists, setViewState, viewState } from './cy-store.js';
import { fitViewport, NO_INSETS } from './fit.js';
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
  if ((viewState(cy, 'entente-detail') ?? 'full') === want) return;
  setViewState(cy, 'entente-detail', want);
  cy.style(stylesheet(want));
  bulkDrawing(cy, want === 'bulk');
}

/** The bulk layer on `cy`, while bulk detail is on and the layer could start (view/bulk-layer.ts). */
export const bulkLayerOf = (cy: Core): BulkLayer | undefined => viewState(cy, 'entente-bulk-layer');

/**
 * Bulk detail's drawing. First choice: the bulk layer, a worker drawing the plain nodes and
 * edges. Without it (no OffscreenCanvas, or turned off), Cytoscape draws everything: while the
 * user pans or zooms it hides edges and moves a texture of the drawing instead of redrawing
 * thousands of elements per frame, and edges skip its texture path (view/bulk-edges.ts).
 * These are renderer options given at creation; the renderer reads them from its own fields on
 * every frame, so they are switched there (the level of detail changes after creation).
 */
function bulkDrawing(cy: Core, on: boolean) {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (!r) return;
  const layer = bulkLayerOf(cy);
  if (!on && layer) {
    layer.detach();
    setViewState(cy, 'entente-bulk-layer', undefined);
  }
  const attached = on ? (layer ?? attachBulkLayer(cy)) : null;
  if (attached) setViewState(cy, 'entente-bulk-layer', attached);
  const textures = on && !attached;
  r.hideEdgesOnViewport = textures;
  r.textureOnViewport = textures;
  plainEdgeDrawing(cy, textures);
}

/**
 * The model-space box a fit should show. In bulk detail it is read from node positions and
 * sizes (labels are not legible at a fit of thousands of nodes, and edges run between node
 * centres): `eles.boundingBox()` there recomputes every element's bounds, edges included, a
 * main-thread task of most of a second at 10,000 nodes after the nodes have moved.
 */
export function drawnBounds(cy: Core): { x1: number; y1: number; w: number; h: number } {
  if (viewState(cy, 'entente-detail') !== 'bulk') return cy.elements().boundingBox({});
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const n of elementLists(cy).nodes) {
    const p = n.position();
    const r = (Number(n.data('size')) || 20) / 2 + 2;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
  }
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, w: 0, h: 0 };
  return { x1, y1, w: x2 - x1, h: y2 - y1 };
}

/** Fits the drawing into the whole canvas with `padding` (the benches' fit; the app's is graph-view's). */
export function fitDrawn(cy: Core, padding: number): void {
  if (cy.nodes().empty()) return;
  cy.viewport(
    fitViewport(drawnBounds(cy), { width: cy.width(), height: cy.height() }, NO_INSETS, {
      padding,
      minZoom: cy.minZoom(),
      maxZoom: cy.maxZoom(),
    }),
  );
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
