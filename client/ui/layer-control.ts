import { LAYERS, type Layer } from '../../server/contract/index.js';
import type { Stores } from '../state/stores.js';
import { h, listenAll } from './dom.js';

export const LAYER_TEXT: Record<Layer, string> = { curated: 'Curated', atop: 'ATOP', all: 'Both' };
const LAYER_TITLE: Record<Layer, string> = {
  curated: 'The curated dataset (seeds/world)',
  atop: 'The imported ATOP 5.1 layer: alliances, member phases and obligations',
  all: 'Both: each fact says which layer it comes from',
};

/**
 * Which data the explorer reads: the curated layer, the ATOP layer or both. A radio group of
 * buttons, built once and marked in place so focus survives a change.
 */
export function mountLayerControl(
  el: HTMLElement,
  s: Pick<Stores, '$layer'>,
  setLayer: (layer: Layer) => void,
): () => void {
  const buttons = LAYERS.map((layer) =>
    h(
      'button',
      {
        type: 'button',
        role: 'radio',
        id: `layer-${layer}`,
        'data-value': layer,
        title: LAYER_TITLE[layer],
        onclick: () => setLayer(layer),
      },
      LAYER_TEXT[layer],
    ),
  );
  el.replaceChildren(
    h(
      'div',
      { class: 'layer-control' },
      h('span', { class: 'layer-label', id: 'layer-label' }, 'Data'),
      h(
        'div',
        { class: 'segmented light', role: 'radiogroup', 'aria-labelledby': 'layer-label' },
        ...buttons,
      ),
    ),
  );
  const mark = (current: Layer) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-checked', String(LAYERS[i] === current));
    });
  };
  return listenAll([s.$layer.subscribe(mark)]);
}
