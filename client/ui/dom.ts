type Attrs = Record<string, string | number | boolean | EventListener | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * A tiny hyperscript: `h('button', { class: 'x', onclick }, 'Text')`. Panels rebuild their
 * small DOM regions from state; nothing here needs a virtual DOM.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces an element's children. */
export function render(el: Element, ...children: Child[]) {
  el.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

/** Subscribes to several stores and returns one dispose. */
export function listenAll(subs: Array<() => void>): () => void {
  return () => {
    for (const off of subs) off();
  };
}
