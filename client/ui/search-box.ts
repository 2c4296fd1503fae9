import type { SearchResult } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { LABEL_COLOUR } from '../view/palette.js';
import { chipStyle } from './contrast.js';
import { h, render } from './dom.js';

/**
 * The search box with as-you-type suggestions from the server's alias- and accent-aware
 * search. Enter (or a click) puts the node on the canvas; Shift+Enter also expands it.
 */
export function mountSearch(
  el: HTMLElement,
  api: Api,
  onPick: (r: SearchResult, expand: boolean) => void,
): () => void {
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    placeholder: 'Search nations, alliances, agreements…  ( / )',
    autocomplete: 'off',
    'aria-label': 'Search the graph',
    'aria-controls': 'search-list',
  });
  const list = h('ul', { id: 'search-list', role: 'listbox', class: 'suggestions', hidden: true });
  render(el, input, list);
  let results: SearchResult[] = [];
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const draw = (message?: string) => {
    list.hidden = results.length === 0 && !message;
    if (message) return render(list, h('li', { class: 'muted' }, message));
    render(
      list,
      ...results.map((r, i) =>
        h(
          'li',
          {
            role: 'option',
            'aria-selected': i === active ? 'true' : 'false',
            'data-id': r.id,
            onmousedown: (e: Event) => {
              e.preventDefault();
              pick(i, (e as MouseEvent).shiftKey);
            },
          },
          h('span', { class: 'chip', style: chipStyle(LABEL_COLOUR[r.label]) }, r.label),
          h('span', { class: 'name' }, r.name),
          r.matched ? h('span', { class: 'muted' }, ` “${r.matched}”`) : null,
        ),
      ),
    );
  };
  const pick = (i: number, expand: boolean) => {
    const r = results[i];
    if (!r) return;
    onPick(r, expand);
    input.value = '';
    results = [];
    draw();
    input.blur();
  };
  const query = async (q: string) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      const res = await api.search(q, { limit: 12, signal: mine.signal });
      results = res.results;
      active = 0;
      draw(results.length === 0 ? `No match for “${q}”` : undefined);
    } catch (e) {
      if (mine.signal.aborted) return;
      results = [];
      draw(`Search failed: ${(e as Error).message}`);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      results = [];
      return draw();
    }
    timer = setTimeout(() => void query(q), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = results.length;
      if (n) active = (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active, e.shiftKey);
    } else if (e.key === 'Escape') {
      results = [];
      draw();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 150));
  input.addEventListener('focus', () => draw());
  return () => {
    clearTimeout(timer);
    controller?.abort();
    el.replaceChildren();
  };
}
