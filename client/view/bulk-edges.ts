import type { Core, EdgeSingular, SingularElementArgument } from 'cytoscape';
import { setViewState, viewState } from './cy-store.js';
import { switchedOff } from './local-switch.js';

/** The canvas renderer's per-element drawing entry, as cytoscape 3.34 has it (not public API). */
type DrawCached = (
  context: CanvasRenderingContext2D,
  ele: SingularElementArgument,
  pxRatio: number,
  extent: { x1: number; y1: number; x2: number; y2: number } | null,
  lvl?: number,
  requestHighQuality?: boolean,
) => void;

interface CanvasRenderer {
  drawCachedElement: DrawCached;
  drawEdge(
    context: CanvasRenderingContext2D,
    edge: EdgeSingular,
    shiftToOriginWithBb?: unknown,
    drawLabel?: boolean,
    drawOverlay?: boolean,
    drawOpacity?: boolean,
  ): void;
}

interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** localStorage `entente-plain-edges` = `off` keeps the renderer's own path (the render bench's A/B). */
const KEY = 'entente-plain-edges';

/**
 * In bulk detail, edges without labels are drawn straight onto the canvas (or the layer being
 * built) instead of through the renderer's per-element texture path. Cytoscape never caches
 * edge textures, but that path still looks up the edge's bounding box five times (body, three
 * label boxes, the element) before drawing it directly; with 30,000 edges those look-ups are
 * a large part of every full redraw. Labelled edges, and every node, keep the usual path.
 * Relies on the canvas renderer's `drawCachedElement`/`drawEdge` (cytoscape 3.34, pinned).
 */
export function plainEdgeDrawing(cy: Core, on: boolean): void {
  const r = (cy as unknown as { renderer(): CanvasRenderer | undefined }).renderer();
  if (!r || typeof r.drawCachedElement !== 'function' || typeof r.drawEdge !== 'function') return;
  const scratch = viewState<DrawCached>(cy, KEY);
  if (!on) {
    if (scratch) r.drawCachedElement = scratch;
    setViewState(cy, KEY, undefined);
    return;
  }
  if (scratch || switchedOff(KEY)) return;
  const original = r.drawCachedElement;
  setViewState(cy, KEY, original);
  r.drawCachedElement = function (this: CanvasRenderer, context, ele, pxRatio, extent, ...rest) {
    if (!ele.isEdge()) return original.call(this, context, ele, pxRatio, extent, ...rest);
    const bb = ele.boundingBox() as unknown as Bounds;
    const labels = (ele as unknown as { _private: { labelBounds?: Record<string, unknown> } })
      ._private.labelBounds;
    if (labels?.main || labels?.source || labels?.target) {
      return original.call(this, context, ele, pxRatio, extent, ...rest);
    }
    if (bb.w === 0 || bb.h === 0 || !ele.visible()) return;
    if (
      extent &&
      (bb.x2 < extent.x1 || bb.x1 > extent.x2 || bb.y2 < extent.y1 || bb.y1 > extent.y2)
    )
      return;
    this.drawEdge(context, ele as EdgeSingular, undefined, false, true, true);
  };
}
