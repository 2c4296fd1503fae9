import type { SessionResponse, ViewSummary } from '../../server/contract/index.js';
import { type BriefingActions, VIEW_EXPORTS } from '../actions/briefing-actions.js';
import { can } from '../state/session.js';
import type { Stores } from '../state/stores.js';
import { h, listenAll, render } from './dom.js';
import { field, modal, statusLine } from './modal.js';

interface SessionSource {
  get(): SessionResponse;
  subscribe(cb: (s: SessionResponse) => void): () => void;
}

/** Who saves: any signed-in user (private views); sharing needs an analyst, as on the server. */
export const SAVE_ROLE = 'viewer' as const;
export const SHARE_ROLE = 'analyst' as const;

function text(id: string, placeholder: string, maxlength: number) {
  return h('input', { id, type: 'text', placeholder, maxlength, autocomplete: 'off' });
}

/**
 * The Views dialog (header "Views" button): save the explorer as it is (name, caption, notes,
 * private or shared), then list, search, open, copy a short link to, rename, duplicate or
 * delete saved views. Reads `$views`; the actions fill it.
 */
export function mountViewsPanel(
  s: Pick<Stores, '$request'>,
  session: SessionSource,
  a: BriefingActions,
) {
  const dlg = modal('views-dialog', 'Saved views');
  dlg.dialog.classList.add('medium', 'briefing-dialog');
  const name = text('view-name', 'e.g. NATO in 1955', 200);
  name.setAttribute('autofocus', '');
  const caption = text('view-caption', 'One line under the map', 500);
  const notes = h('textarea', { id: 'view-notes', rows: 2, maxlength: 5000 });
  const shared = h('input', { id: 'view-shared', type: 'checkbox' });
  const status = statusLine('views-status');
  const saveForm = h(
    'form',
    {
      class: 'modal-form briefing-form',
      id: 'view-save-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (!name.value.trim()) {
          status.show({ type: 'error', message: 'Give the view a name.' });
          name.focus();
          return;
        }
        void a
          .saveView({
            name: name.value.trim(),
            caption: caption.value,
            notes: notes.value,
            shared: shared.checked,
          })
          .then((saved) => {
            if (!saved) return;
            name.value = '';
            caption.value = '';
            notes.value = '';
          });
      },
    },
    h('div', { class: 'briefing-row' }, field('Name', name), field('Caption', caption)),
    field('Notes', notes),
    h(
      'div',
      { class: 'briefing-row end' },
      h('label', { class: 'check' }, shared, ' Shared with other users'),
      h('button', { type: 'submit', class: 'tool primary', id: 'view-save' }, 'Save current view'),
    ),
  );
  const guestNote = h(
    'p',
    { class: 'muted', id: 'views-guest-note' },
    'Sign in to save views. Views others shared are listed here.',
  );
  const search = h('input', {
    id: 'views-search',
    type: 'search',
    placeholder: 'Search saved views',
    'aria-label': 'Search saved views',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void a.search(search.value.trim()), 200);
  });
  const list = h('ul', { class: 'briefing-list', id: 'views-list', 'aria-label': 'Saved views' });

  const row = (v: ViewSummary, mayEdit: boolean) => {
    const label = h('span', { class: 'item-name' }, v.name);
    const btn = (label: string, title: string, run: () => void, cls = '') =>
      h('button', { type: 'button', class: `tool small ${cls}`, title, onclick: run }, label);
    const li = h(
      'li',
      { 'data-id': v.id },
      h(
        'div',
        { class: 'item-text' },
        label,
        h('span', { class: 'tag' }, v.visibility),
        h(
          'span',
          { class: 'muted item-caption' },
          `${v.owner.username} · ${v.asOf} · ${v.nodeCount} nodes`,
        ),
      ),
    );
    const actions = h(
      'div',
      { class: 'item-actions' },
      btn(
        'Open',
        `Open ${v.name}`,
        () => {
          void a.openView(v.id).then((ok) => ok && dlg.close());
        },
        'view-open',
      ),
      btn(
        'Link',
        `Copy the short link to ${v.name}`,
        () => void a.copyShortLink(v.shortId),
        'view-link',
      ),
      ...VIEW_EXPORTS.map((x) =>
        btn(
          x.label,
          `Download ${v.name} as ${x.title}`,
          () => void a.exportView(v.id, x),
          `view-export-${x.key}`,
        ),
      ),
    );
    if (mayEdit) {
      const rename = btn('Rename', `Rename ${v.name}`, () => {
        const input = h('input', {
          type: 'text',
          value: v.name,
          maxlength: 200,
          'aria-label': `New name for ${v.name}`,
          class: 'rename-input',
        });
        let finished = false;
        const done = (keep: boolean) => {
          if (finished) return;
          finished = true;
          const next = input.value.trim();
          if (keep && next && next !== v.name) void a.renameView(v.id, next);
          else input.replaceWith(label);
        };
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') done(true);
          if (e.key === 'Escape') {
            e.preventDefault();
            done(false);
          }
        });
        input.addEventListener('blur', () => done(true));
        label.replaceWith(input);
        input.focus();
        input.select();
      });
      rename.classList.add('view-rename');
      let armed = false;
      const del = btn(
        'Delete',
        `Delete ${v.name}`,
        () => {
          if (!armed) {
            armed = true;
            del.textContent = 'Confirm';
            return;
          }
          void a.deleteView(v.id);
        },
        'view-delete',
      );
      const share = btn(
        v.visibility === 'shared' ? 'Unshare' : 'Share',
        v.visibility === 'shared'
          ? `Make ${v.name} private`
          : `Share ${v.name} with other users (analyst role)`,
        () => void a.share(v.id, v.visibility === 'shared' ? 'private' : 'shared'),
        'view-share',
      );
      share.disabled = !can(session.get(), SHARE_ROLE);
      actions.append(
        rename,
        share,
        btn('Duplicate', `Duplicate ${v.name}`, () => void a.duplicateView(v.id), 'view-duplicate'),
        del,
      );
    }
    li.append(actions);
    return li;
  };

  const draw = () => {
    const mayEdit = can(session.get(), SAVE_ROLE);
    saveForm.hidden = !mayEdit;
    shared.disabled = !can(session.get(), SHARE_ROLE);
    guestNote.hidden = mayEdit;
    const views = a.$views.get();
    render(
      list,
      ...(views.length === 0
        ? [h('li', { class: 'muted empty' }, 'No saved views yet.')]
        : views.map((v) => row(v, mayEdit && v.owner.id === session.get().user?.id))),
    );
  };
  render(
    dlg.body,
    saveForm,
    guestNote,
    h('h3', { class: 'briefing-heading' }, 'Saved views'),
    search,
    list,
    status.el,
  );
  const openBtn = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id: 'views-open',
      title: 'Save this view, or open a saved one',
      onclick: () => {
        dlg.open();
        void a.refreshViews();
      },
    },
    'Views',
  );
  const dispose = listenAll([
    a.$views.subscribe(draw),
    session.subscribe(draw),
    s.$request.subscribe((r) => {
      if (dlg.dialog.open) status.show(r);
    }),
    dlg.dispose,
  ]);
  return { button: openBtn, open: dlg.open, dispose };
}
