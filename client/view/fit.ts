/** Space kept clear along each edge of the canvas, in screen pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How near an edge an overlay must sit to count as docked to it. */
const DOCK = 40;

/**
 * The insets that keep nodes out from under overlays (legend, console button): each overlay
 * docked to canvas edges is excluded through the edge that costs the least drawing area.
 */
export function insetsFor(canvas: Rect, overlays: readonly Rect[], margin = 8): Insets {
  const out = { ...NO_INSETS };
  const w = canvas.right - canvas.left;
  const h = canvas.bottom - canvas.top;
  for (const o of overlays) {
    if (o.right <= o.left || o.bottom <= o.top) continue;
    const options: [keyof Insets, number, number][] = [];
    if (o.left - canvas.left < DOCK) options.push(['left', o.right - canvas.left + margin, h]);
    if (canvas.right - o.right < DOCK) options.push(['right', canvas.right - o.left + margin, h]);
    if (o.top - canvas.top < DOCK) options.push(['top', o.bottom - canvas.top + margin, w]);
    if (canvas.bottom - o.bottom < DOCK) {
      options.push(['bottom', canvas.bottom - o.top + margin, w]);
    }
    const best = options.sort((a, b) => a[1] * a[2] - b[1] * b[2])[0];
    if (best) out[best[0]] = Math.max(out[best[0]], best[1]);
  }
  return out;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * The zoom and pan that show a model-space bounding box inside the canvas minus `insets`
 * and `padding`, centred there; zoom stays within [minZoom, maxZoom].
 */
export function fitViewport(
  bb: { x1: number; y1: number; w: number; h: number },
  canvas: { width: number; height: number },
  insets: Insets,
  opts: { padding: number; minZoom: number; maxZoom: number },
): Viewport {
  // Insets that would leave less than a third of the canvas are ignored on that axis.
  const ix = insets.left + insets.right > canvas.width * 0.66 ? 0 : 1;
  const iy = insets.top + insets.bottom > canvas.height * 0.66 ? 0 : 1;
  const left = insets.left * ix + opts.padding;
  const top = insets.top * iy + opts.padding;
  const freeW = Math.max(1, canvas.width - (insets.left + insets.right) * ix - 2 * opts.padding);
  const freeH = Math.max(1, canvas.height - (insets.top + insets.bottom) * iy - 2 * opts.padding);
  const raw = Math.min(freeW / Math.max(bb.w, 1), freeH / Math.max(bb.h, 1));
  const zoom = Math.max(opts.minZoom, Math.min(opts.maxZoom, raw));
  return {
    zoom,
    pan: {
      x: left + (freeW - bb.w * zoom) / 2 - bb.x1 * zoom,
      y: top + (freeH - bb.h * zoom) / 2 - bb.y1 * zoom,
    },
  };
}
