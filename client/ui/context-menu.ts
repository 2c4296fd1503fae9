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
