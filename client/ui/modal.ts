import './account.css';
import { h } from './dom.js';

export interface Modal {
  dialog: HTMLDialogElement;
  /** Where the dialog's content goes (under its title and close button). */
  body: HTMLElement;
  open(): void;
  close(): void;
  dispose(): void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog of the account UI: titled for screen readers (aria-labelledby), Escape
 * closes it (the native cancel), Tab and Shift+Tab stay inside it, and focus goes back to
 * what opened it. Keys typed in it never reach the explorer's shortcuts.
 */
export function modal(id: string, title: string, onClose: () => void = () => {}): Modal {
  const body = h('div', { class: 'modal-body', tabindex: -1 });
  const closeBtn = h(
    'button',
    { type: 'button', class: 'icon-btn modal-close', 'aria-label': `Close ${title}` },
    '×',
  );
  const dialog = h(
    'dialog',
    { id, class: 'modal', 'aria-labelledby': `${id}-title` },
    h('header', { class: 'modal-head' }, h('h2', { id: `${id}-title` }, title), closeBtn),
    body,
  );
  document.body.append(dialog);
  let opener: Element | null = null;
  closeBtn.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    onClose();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  dialog.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  // A re-render can remove the focused control (a revoked token's button): focus stays in
  // the dialog, so Escape and Tab keep working.
  const keep = new MutationObserver(() => {
    if (dialog.open && !dialog.contains(document.activeElement)) body.focus();
  });
  keep.observe(dialog, { childList: true, subtree: true });
  return {
    dialog,
    body,
    open() {
      if (dialog.open) return;
      opener = document.activeElement;
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('[autofocus]') ?? closeBtn).focus();
    },
    close: () => dialog.close(),
    dispose: () => {
      keep.disconnect();
      dialog.remove();
    },
  };
}

/** A labelled form field: the label wraps its caption and control, so each has a name. */
export function field(caption: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h(
    'label',
    { class: 'form-field' },
    h('span', { class: 'form-caption' }, caption),
    control,
    hint ? h('span', { class: 'muted form-hint' }, hint) : null,
  );
}

/** The alert line under a form: the request's error, or its progress, or nothing. */
export function statusLine(id: string) {
  const el = h('p', { id, class: 'form-status', role: 'alert' });
  return {
    el,
    show(
      st: { type: 'idle' } | { type: 'loading'; what: string } | { type: 'error'; message: string },
    ) {
      el.classList.toggle('error', st.type === 'error');
      el.textContent =
        st.type === 'error' ? st.message : st.type === 'loading' ? `${st.what}…` : '';
    },
  };
}
