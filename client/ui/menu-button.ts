import { h } from './dom.js';

export interface MenuEntry {
  id: string;
  label: string;
  title: string;
  run(): void;
}

/**
 * A header menu: a button that opens a list of commands under it, closed by a pick, a click
 * elsewhere or Escape. Used where the header is too narrow for every command side by side.
 */
export function menuButton(
  id: string,
  label: string,
  title: string,
  entries: MenuEntry[],
  /** Shown above the commands (e.g. the export's title field). */
  top?: HTMLElement,
) {
  // A disclosure (button + panel), not an ARIA menu: the panel may hold a text field too.
  const list = h('div', { class: 'menu-list', id: `${id}-list`, hidden: true });
  if (top) list.append(top);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id,
      title,
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
    },
    `${label} ▾`,
  );
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  for (const e of entries) {
    list.append(
      h(
        'button',
        {
          type: 'button',
          id: e.id,
          title: e.title,
          onclick: () => {
            setOpen(false);
            e.run();
          },
        },
        e.label,
      ),
    );
  }
  button.addEventListener('click', () => {
    setOpen(list.hidden);
    if (!list.hidden) (list.querySelector('input, button') as HTMLElement | null)?.focus();
  });
  const wrap = h('div', { class: 'menu' }, button, list);
  const onDown = (e: Event) => {
    if (!wrap.contains(e.target as Node)) setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !list.hidden) {
      setOpen(false);
      button.focus();
    }
  };
  document.addEventListener('pointerdown', onDown);
  document.addEventListener('keydown', onKey);
  return {
    el: wrap,
    dispose() {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    },
  };
}
