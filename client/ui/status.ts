import type { ReadableAtom } from 'nanostores';
import type { Notice, Stores } from '../state/stores.js';
import type { Scene } from '../view/elements.js';
import { h, listenAll, render } from './dom.js';

/** How long a notice stays, by kind. */
const DISMISS_MS = { info: 6000, warn: 12000, jump: 20000 } as const;

/**
 * Loading, empty and error states over the canvas, and the notice toast. The canvas is never
 * blank without a word: with nothing drawn it says why and what to do.
 */
export function mountStatus(
  el: HTMLElement,
  toast: HTMLElement,
  s: Pick<Stores, '$request' | '$notice' | '$filters'>,
  $scene: ReadableAtom<Scene>,
  start: (query: string) => void,
  jump: (j: NonNullable<Notice['jump']>) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: Notice | null = null;
  /** Notices go by themselves; not while the pointer or focus is on them. */
  const arm = (notice: Notice) => {
    clearTimeout(timer);
    const ms = notice.jump ? DISMISS_MS.jump : DISMISS_MS[notice.tone];
    timer = setTimeout(() => {
      if (s.$notice.get() !== notice) return;
      if (toast.matches(':hover, :focus-within')) return arm(notice);
      s.$notice.set(null);
    }, ms);
  };
  const draw = () => {
    const req = s.$request.get();
    const scene = $scene.get();
    const drawn = scene.elements.some((e) => e.group === 'nodes');
    const parts: (HTMLElement | null)[] = [];
    if (req.type === 'loading') {
      parts.push(
        h(
          'div',
          { class: 'status-pill', role: 'status' },
          h('span', { class: 'spinner' }),
          `${req.what}…`,
        ),
      );
    }
    if (req.type === 'error') {
      parts.push(
        h(
          'div',
          { class: 'status-error', role: 'alert' },
          h('strong', {}, 'Something went wrong. '),
          req.message,
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => s.$request.set({ type: 'idle' }) },
            'Dismiss',
          ),
        ),
      );
    }
    if (!drawn && req.type !== 'loading') {
      const hiddenAll = scene.total > 0;
      parts.push(
        h(
          'div',
          { class: 'empty', id: 'empty-state' },
          h(
            'h2',
            {},
            hiddenAll ? `All ${scene.total} nodes are hidden by filters` : 'Start with a search',
          ),
          hiddenAll
            ? h(
                'p',
                {},
                'Tick a node type, region or alliance kind on the left, or ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    onclick: () => s.$filters.set({ labels: [], rels: [], regions: [], kinds: [] }),
                  },
                  'show everything',
                ),
                '.',
              )
            : h(
                'p',
                {},
                'Type a nation, alliance or agreement in the search box (press /), then double-click a node to expand it. Try: ',
                ...['NATO', 'United States', 'Warsaw Pact'].map((q) =>
                  h('button', { type: 'button', class: 'chip-btn', onclick: () => start(q) }, q),
                ),
              ),
        ),
      );
    }
    render(el, ...parts);
    const notice = s.$notice.get();
    toast.hidden = !notice;
    if (notice !== shown) {
      shown = notice;
      if (notice) arm(notice);
      else clearTimeout(timer);
    }
    if (notice) {
      toast.className = `toast ${notice.tone}`;
      const j = notice.jump;
      render(
        toast,
        h(
          'span',
          { id: 'notice-text' },
          notice.text,
          j
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'primary notice-action',
                  id: 'notice-jump',
                  onclick: () => jump(j),
                },
                j.label,
              )
            : null,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-label': 'Dismiss',
            onclick: () => s.$notice.set(null),
          },
          '×',
        ),
      );
    }
  };
  draw();
  return listenAll([s.$request.listen(draw), $scene.listen(draw), s.$notice.listen(draw)]);
}
