import type { Stores } from '../state/stores.js';
import { decodeView, encodeView, type ViewState } from '../state/url-codec.js';
import type { CanvasActions } from './canvas-actions.js';
import type { OverlapActions } from './overlap-actions.js';
import type { PathActions } from './path-actions.js';
import type { TimeActions } from './time-actions.js';

export function currentView(s: Stores): ViewState {
  const c = s.$canvas.get().present;
  const path = s.$path.get();
  return {
    nodes: [...c.order],
    pinned: [...c.pinned],
    asOf: s.$asOf.get(),
    layer: s.$layer.get(),
    layout: s.$layout.get(),
    view: s.$view.get(),
    sizeBy: s.$sizeBy.get(),
    filters: s.$filters.get(),
    compareFrom: s.$compareFrom.get(),
    overlap: s.$overlap.get().map((o) => o.id),
    selected: s.$selection.get(),
    path: path ? { from: path.from, to: path.to } : null,
  };
}

/** Opens the view a link describes: settings first, then the canvas, then analyses. */
export async function restoreView(
  hash: string,
  s: Stores,
  a: { canvas: CanvasActions; time: TimeActions; overlap: OverlapActions; path: PathActions },
) {
  const v = decodeView(hash, s.today);
  s.$asOf.set(v.asOf);
  s.$layer.set(v.layer);
  s.$layout.set(v.layout);
  s.$view.set(v.view);
  s.$sizeBy.set(v.sizeBy);
  s.$filters.set(v.filters);
  if (v.nodes.length > 0) await a.canvas.addNodes(v.nodes);
  for (const id of v.pinned) a.canvas.togglePin(id);
  if (v.compareFrom) await a.time.setCompare(v.compareFrom);
  if (v.overlap.length > 0) await a.overlap.setOverlap(v.overlap);
  if (v.path) await a.path.findPath(v.path.from, v.path.to);
  if (v.selected) s.$selection.set(v.selected);
}

/** Keeps the URL hash in step with the view, so a copied link reopens it. */
export function syncUrl(s: Stores, write: (hash: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => write(encodeView(currentView(s), s.today)), 150);
  };
  const stores = [
    s.$canvas,
    s.$asOf,
    s.$layer,
    s.$layout,
    s.$view,
    s.$sizeBy,
    s.$filters,
    s.$compareFrom,
    s.$overlap,
    s.$selection,
    s.$path,
  ] as const;
  const offs = stores.map((st) => (st as { listen(cb: () => void): () => void }).listen(schedule));
  return () => {
    for (const off of offs) off();
  };
}
