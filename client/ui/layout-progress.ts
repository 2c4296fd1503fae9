import type { ReadableAtom } from 'nanostores';
import { h } from './dom.js';

/** How far a worker layout has got (view/force-layout.ts); null when none runs. */
type Progress = { done: number; total: number } | null;

/** A layout that ends sooner than this never shows the bar (no flash for small views). */
const SHOW_AFTER_MS = 300;

/**
 * The layout's progress over the canvas and its Stop button, shown while a force layout runs
 * (after SHOW_AFTER_MS). Built once and updated in place, so focus stays on Stop while the bar
 * moves.
 */
export function mountLayoutProgress(
  el: HTMLElement,
  $progress: ReadableAtom<Progress>,
  stop: () => void,
): () => void {
  const bar = h('progress', {
    id: 'layout-progress-bar',
    max: 100,
    value: 0,
    'aria-label': 'Layout progress',
  });
  const text = h('span', { id: 'layout-progress-text', 'aria-live': 'off' }, 'Laying out…');
  const button = h(
    'button',
    {
      type: 'button',
      id: 'layout-stop',
      title: 'Stop the layout; nodes stay where they are',
      onclick: () => stop(),
    },
    'Stop',
  );
  el.replaceChildren(text, bar, button);
  el.setAttribute('role', 'status');
  let showing = 0;
  const draw = (p: Progress) => {
    if (!p) {
      clearTimeout(showing);
      showing = 0;
      el.hidden = true;
      return;
    }
    if (el.hidden && !showing) {
      showing = window.setTimeout(() => {
        showing = 0;
        el.hidden = false;
      }, SHOW_AFTER_MS);
    }
    // A total of 0: the layout reports no steps (fcose), the bar runs without a value.
    if (p.total > 0) {
      const pct = Math.round((p.done / p.total) * 100);
      bar.value = pct;
      text.textContent = `Laying out ${pct}%`;
    } else {
      bar.removeAttribute('value');
      text.textContent = 'Laying out…';
    }
    el.dataset.done = String(p.done);
    el.dataset.total = String(p.total);
  };
  const off = $progress.subscribe(draw);
  return () => {
    clearTimeout(showing);
    off();
  };
}
