import type { ReadableAtom } from 'nanostores';
import { h } from './dom.js';

/** How far a worker layout has got (view/force-layout.ts); null when none runs. */
type Progress = { done: number; total: number } | null;

/**
 * The layout's progress over the canvas and its Stop button, shown while a worker layout
 * runs. Built once and updated in place, so focus stays on Stop while the bar moves.
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
  const draw = (p: Progress) => {
    el.hidden = p === null;
    if (!p) return;
    const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
    bar.value = pct;
    text.textContent = `Laying out ${pct}%`;
    el.dataset.done = String(p.done);
    el.dataset.total = String(p.total);
  };
  return $progress.subscribe(draw);
}
