import type { ReadableAtom } from 'nanostores';
import { legendHeight, svgLegend } from '../view/export-legend.js';
import type { LegendSection } from '../view/legend-model.js';
import { h, render } from './dom.js';

/** Below this canvas height the legend would cover too much of the drawing to start open. */
const OPEN_MIN_HEIGHT = 700;

/**
 * The on-screen legend: the same SVG markup the export uses, from the same sections, so the
 * two can never disagree with each other or with the canvas.
 */
export function mountLegend(
  el: HTMLElement,
  $legend: ReadableAtom<readonly LegendSection[]>,
  /** The canvas it floats over: on a short canvas the legend starts folded. */
  canvas: HTMLElement,
): () => void {
  let collapsed: boolean | null = null;
  const draw = (sections: readonly LegendSection[]) => {
    el.hidden = sections.length === 0;
    if (sections.length === 0) return render(el);
    // The first time there is something to show, the canvas height decides; then the user.
    collapsed ??= canvas.clientHeight < OPEN_MIN_HEIGHT;
    const height = legendHeight(sections);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="290" height="${height}">${svgLegend(sections, 4, 12, height + 100)}</svg>`;
    const body = h('div', { class: 'legend-body' });
    body.innerHTML = svg;
    render(
      el,
      h(
        'button',
        {
          type: 'button',
          class: 'legend-toggle',
          'aria-expanded': String(!collapsed),
          onclick: () => {
            collapsed = !collapsed;
            draw($legend.get());
          },
        },
        collapsed ? 'Legend ▸' : 'Legend ▾',
      ),
      collapsed ? null : body,
    );
  };
  return $legend.subscribe(draw);
}
