import { menuButton } from './menu-button.js';

/**
 * How readily a header control moves into the "More" menu when the header would need a second
 * row: higher moves first. Controls without `data-overflow` (entries added later) get the
 * middle value, so a new entry never pushes the header onto two rows either.
 */
export const OVERFLOW_FIRST = 9;
export const OVERFLOW_DEFAULT = 5;
export const OVERFLOW_NEVER = 0;

const priority = (el: Element) => {
  const v = Number((el as HTMLElement).dataset.overflow);
  return Number.isFinite(v) && (el as HTMLElement).dataset.overflow !== undefined
    ? v
    : OVERFLOW_DEFAULT;
};

/** True when some item starts below the bottom of another, i.e. the row has wrapped. */
function wrapped(items: readonly Element[]): boolean {
  const rects = items
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  if (rects.length < 2) return false;
  const firstBottom = Math.min(...rects.map((r) => r.bottom));
  return rects.some((r) => r.top >= firstBottom - 1);
}

/**
 * A priority-plus toolbar: the controls stay in the header while it fits on one row; when it
 * would wrap (a laptop screen, a signed-in user's menu, an entry added later), the controls
 * with the highest `data-overflow` move, in their order, into a "More ▾" menu at the end.
 * Re-flowed when the header or the account slot changes size.
 */
export function overflowToolbar(bar: HTMLElement) {
  const header = (bar.closest('.topbar') as HTMLElement | null) ?? bar;
  const more = menuButton('toolbar-more', 'More', 'More tools', []);
  more.el.classList.add('toolbar-more');
  const list = more.el.querySelector('.menu-list') as HTMLElement;
  list.classList.add('more-list');
  let items: HTMLElement[] = [];

  const rowItems = () => [
    ...[...header.children].filter((c) => c !== bar),
    ...[...bar.children].filter((c) => c !== more.el || !more.el.hidden),
  ];

  const reflow = () => {
    const focused = document.activeElement;
    more.el.hidden = true;
    for (const it of items) bar.insertBefore(it, more.el);
    const order = [...items]
      .map((el, i) => ({ el, i, p: priority(el) }))
      .filter((x) => x.p > OVERFLOW_NEVER)
      .sort((a, b) => b.p - a.p || b.i - a.i);
    const moved = new Set<HTMLElement>();
    for (const { el } of order) {
      if (!wrapped(rowItems())) break;
      more.el.hidden = false;
      moved.add(el);
      el.remove();
      // The menu lists the moved controls in the header's own order.
      const after = items.slice(items.indexOf(el) + 1).find((x) => moved.has(x));
      list.insertBefore(el, after ?? null);
    }
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus();
  };

  let key = '';
  const account = header.querySelector('.account');
  const observer = new ResizeObserver(() => {
    const next = `${header.clientWidth}:${account?.clientWidth ?? 0}`;
    if (next === key) return;
    key = next;
    reflow();
  });
  observer.observe(header);
  if (account) observer.observe(account);
  // A control shown or hidden later (an entry for some roles only) changes what fits.
  const shownOrHidden = new MutationObserver((records) => {
    const item = (r: MutationRecord) =>
      r.target !== more.el && items.includes(r.target as HTMLElement);
    if (records.some(item)) reflow();
  });
  const watch = { attributes: true, attributeFilter: ['hidden'] };
  for (const root of [bar, list]) shownOrHidden.observe(root, { ...watch, subtree: true });

  return {
    /** Puts the controls in the header (plus the More menu) and flows them. */
    set(controls: HTMLElement[]) {
      items = controls;
      bar.replaceChildren(...controls, more.el);
      reflow();
    },
    reflow,
    dispose() {
      observer.disconnect();
      shownOrHidden.disconnect();
      more.dispose();
    },
  };
}

/** A control group for the toolbar with its overflow priority. */
export function overflowable<T extends HTMLElement>(el: T, p: number): T {
  el.dataset.overflow = String(p);
  return el;
}
