import type { Stores } from '../state/stores.js';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export interface CanvasKeyActions {
  /** The node the selection moves to from `id` in direction (dx, dy), if any. */
  step(id: string | null, dx: number, dy: number): string | null;
  expand(id: string): void;
}

/**
 * The canvas as a keyboard target: it takes focus (Tab or a click); arrow keys move the
 * selection to the neighbour that way, Enter expands the selection. Delete, E and P come from
 * the global keymap and work here too.
 */
export function mountCanvasKeys(
  el: HTMLElement,
  s: Pick<Stores, '$selection' | '$canvas' | '$notice'>,
  a: CanvasKeyActions,
): () => void {
  el.tabIndex = 0;
  const onDown = () => el.focus({ preventScroll: true });
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const sel = s.$selection.get();
    const onCanvas = sel && sel in s.$canvas.get().present.nodes ? sel : null;
    const arrow = ARROWS[e.key];
    if (arrow) {
      e.preventDefault();
      const next = a.step(onCanvas, arrow[0], arrow[1]);
      if (next) s.$selection.set(next);
      return;
    }
    if (e.key === 'Enter' && onCanvas) {
      e.preventDefault();
      a.expand(onCanvas);
    }
  };
  el.addEventListener('pointerdown', onDown);
  el.addEventListener('keydown', onKey);
  return () => {
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('keydown', onKey);
  };
}
