import type { Stores } from '../state/stores.js';
import { h, render } from './dom.js';

export interface MenuItem {
  label: string;
  key?: string;
  run(): void;
}

/** The right-click menu on a node: one DOM region, closed by any click or Escape. */
export function createContextMenu(el: HTMLElement) {
  const close = () => {
    el.hidden = true;
  };
  document.addEventListener('pointerdown', (e) => {
    if (!el.contains(e.target as Node)) close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return {
    open(x: number, y: number, items: MenuItem[]) {
      render(
        el,
        ...items.map((it) =>
          h(
            'button',
            {
              type: 'button',
              role: 'menuitem',
              onclick: () => {
                close();
                it.run();
              },
            },
            h('span', {}, it.label),
            it.key ? h('kbd', {}, it.key) : null,
          ),
        ),
      );
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      el.hidden = false;
      (el.querySelector('button') as HTMLButtonElement | null)?.focus();
    },
    close,
  };
}

/** What the node menu can do. */
export interface NodeMenuActions {
  expand(id: string): void;
  togglePin(id: string): void;
  remove(id: string): void;
  pathEnd(end: 'from' | 'to', id: string): void;
  toggleOverlap(id: string): void;
}

/** The menu's items for one node: its pin state, the expand limit and alliance-only items. */
export function nodeMenuItems(
  s: Pick<Stores, '$canvas' | '$expandLimit'>,
  id: string,
  a: NodeMenuActions,
): MenuItem[] | null {
  const c = s.$canvas.get().present;
  const node = c.nodes[id];
  if (!node) return null;
  const pinned = c.pinned.includes(id);
  return [
    { label: `Expand (limit ${s.$expandLimit.get()})`, key: 'E', run: () => a.expand(id) },
    { label: pinned ? 'Unpin' : 'Pin', key: 'P', run: () => a.togglePin(id) },
    { label: 'Remove', key: 'Del', run: () => a.remove(id) },
    { label: 'Path from here', run: () => a.pathEnd('from', id) },
    { label: 'Path to here', run: () => a.pathEnd('to', id) },
    ...(node.label === 'Alliance'
      ? [{ label: 'Toggle in overlaps', run: () => a.toggleOverlap(id) }]
      : []),
  ];
}

/**
 * The right-click menu on canvas nodes: `open(id, x, y)` with canvas coordinates, as the view
 * reports them.
 */
export function mountNodeMenu(
  el: HTMLElement,
  canvasEl: HTMLElement,
  s: Pick<Stores, '$canvas' | '$expandLimit'>,
  a: NodeMenuActions,
) {
  const menu = createContextMenu(el);
  return (id: string, x: number, y: number) => {
    const items = nodeMenuItems(s, id, a);
    if (!items) return;
    const box = canvasEl.getBoundingClientRect();
    menu.open(box.left + x, box.top + y, items);
  };
}
