import { type Insets, insetsFor } from '../view/fit.js';

/** Measures the overlays over the canvas now; hidden ones take no space. */
export function overlayInsets(canvas: HTMLElement, overlays: readonly HTMLElement[]): () => Insets {
  return () =>
    insetsFor(
      canvas.getBoundingClientRect(),
      overlays.filter((o) => o.checkVisibility()).map((o) => o.getBoundingClientRect()),
    );
}
