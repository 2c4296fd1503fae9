import type { Canvas } from '../state/model.js';
import { chartPngBlob, chartSvgBlob } from './charts/chart-export.js';
import { h, render } from './dom.js';
import { downloadBlob } from './download.js';

/** A node's name as the canvas knows it, else its id's code ("nation:USA" -> "USA"). */
export const namesOf = (c: Canvas) => (id: string) =>
  c.nodes[id]?.name ?? id.slice(id.indexOf(':') + 1);

/** The short axis label of a nation: its ISO code, from the id. */
export const codeOf = (id: string) => id.slice(id.indexOf(':') + 1).toUpperCase();

/** A labelled select of ids (nations or groups on the canvas); '' is "choose". */
export function idSelect(
  id: string,
  label: string,
  ids: readonly string[],
  nameOf: (id: string) => string,
  value: string | null,
  onchange: (v: string) => void,
) {
  const select = h(
    'select',
    { id, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) },
    h('option', { value: '' }, 'Choose…'),
    ...ids.map((x) => h('option', { value: x, selected: x === value }, nameOf(x))),
  );
  return h('label', { class: 'field stacked' }, h('span', {}, label), select);
}

/** SVG and PNG buttons for the chart `find()` returns when clicked. */
export function chartExports(
  prefix: string,
  what: string,
  find: () => SVGSVGElement | null,
  filename: string,
) {
  const run = async (kind: 'svg' | 'png') => {
    const svg = find();
    if (!svg) return;
    const blob = kind === 'svg' ? chartSvgBlob(svg) : await chartPngBlob(svg, 2);
    downloadBlob(blob, `${filename}.${kind}`);
  };
  return h(
    'div',
    { class: 'chart-exports' },
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        id: `${prefix}-svg`,
        'aria-label': `Export the ${what} as SVG`,
        onclick: () => void run('svg'),
      },
      'SVG',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        id: `${prefix}-png`,
        'aria-label': `Export the ${what} as PNG`,
        onclick: () => void run('png'),
      },
      'PNG',
    ),
  );
}

/** Replaces a section's children and gives focus back to the control that had it (by id). */
export function renderKeepingFocus(el: HTMLElement, ...children: Parameters<typeof render>[1][]) {
  const active = document.activeElement;
  const id = active && el.contains(active) ? active.id : '';
  render(el, ...children);
  if (id) document.getElementById(id)?.focus();
}
