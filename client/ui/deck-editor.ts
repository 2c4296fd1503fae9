import {
  DECK_ASPECTS,
  DECK_THEMES,
  type Deck,
  type DeckAspect,
  type DeckTheme,
  type SessionResponse,
  type Slide,
} from '../../server/contract/index.js';
import { LOGO_MAX_BYTES, LOGO_MEDIA_TYPES } from '../../server/contract/logo.js';
import type { BriefingActions } from '../actions/briefing-actions.js';
import { can } from '../state/session.js';
import type { Stores } from '../state/stores.js';
import { h, listenAll, render } from './dom.js';
import { field, modal, statusLine } from './modal.js';

interface SessionSource {
  get(): SessionResponse;
  subscribe(cb: (s: SessionResponse) => void): () => void;
}

/** Decks are an analyst's tool, as on the server. */
export const DECK_ROLE = 'analyst' as const;

const THEME_TEXT: Record<DeckTheme, string> = {
  light: 'Light (print)',
  dark: 'Dark (projector)',
  'colour-blind': 'Colour-blind safe',
};

function select<T extends string>(id: string, options: readonly T[], text: (v: T) => string) {
  return h('select', { id }, ...options.map((o) => h('option', { value: o }, text(o))));
}

/** Slide edits in place: every field names its slide, so each control has its own name. */
function slideEditor(
  slide: Slide,
  i: number,
  count: number,
  viewName: string,
  edit: (change: Partial<Slide> | null, move?: number) => void,
) {
  const n = i + 1;
  const input = (key: 'title' | 'subtitle', caption: string, max: number) => {
    const el = h('input', {
      type: 'text',
      class: `slide-${key}`,
      maxlength: max,
      value: slide[key],
      'aria-label': `Slide ${n} ${caption}`,
      placeholder: caption,
    });
    el.addEventListener('change', () => edit({ [key]: el.value }));
    return el;
  };
  const notes = h('textarea', {
    class: 'slide-notes',
    rows: 2,
    maxlength: 5000,
    'aria-label': `Slide ${n} speaker notes`,
    placeholder: 'Speaker notes',
  });
  notes.value = slide.notes;
  notes.addEventListener('change', () => edit({ notes: notes.value }));
  const year = (which: 'from' | 'to') => {
    const el = h('input', {
      type: 'number',
      class: `slide-walk-${which}`,
      min: 1815,
      max: 2100,
      value: slide.timeWalk?.[which] ?? '',
      'aria-label': `Slide ${n} time walk ${which === 'from' ? 'from year' : 'to year'}`,
      placeholder: which === 'from' ? 'From' : 'To',
    });
    return el;
  };
  const from = year('from');
  const to = year('to');
  const walk = () => {
    const a = Number.parseInt(from.value, 10);
    const b = Number.parseInt(to.value, 10);
    if (!from.value && !to.value) edit({ timeWalk: undefined });
    else if (Number.isInteger(a) && Number.isInteger(b) && a <= b) {
      edit({ timeWalk: { from: a, to: b } });
    }
  };
  from.addEventListener('change', walk);
  to.addEventListener('change', walk);
  const btn = (label: string, title: string, run: () => void, disabled = false) =>
    h('button', { type: 'button', class: 'tool small', title, onclick: run, disabled }, label);
  return h(
    'li',
    { class: 'slide', 'data-view': slide.viewId },
    h(
      'div',
      { class: 'slide-head' },
      h('span', { class: 'slide-number' }, `${n}`),
      h('span', { class: 'muted slide-view' }, viewName),
      h(
        'span',
        { class: 'item-actions' },
        btn('↑', `Move slide ${n} up`, () => edit(null, -1), i === 0),
        btn('↓', `Move slide ${n} down`, () => edit(null, 1), i === count - 1),
        btn('Remove', `Remove slide ${n}`, () => edit(null, 0)),
      ),
    ),
    h(
      'div',
      { class: 'briefing-row' },
      input('title', 'title', 200),
      input('subtitle', 'subtitle', 200),
    ),
    h(
      'div',
      { class: 'briefing-row' },
      notes,
      h('span', { class: 'slide-walk' }, h('span', { class: 'muted' }, 'Time walk'), from, to),
    ),
  );
}

/**
 * The Decks dialog (header "Decks" button): create or open a deck, add slides from saved
 * views, edit each slide's title, subtitle, notes and time walk, reorder them, set the banner
 * lines, aspect and theme, then present it or download it as PDF or PowerPoint.
 */
export function mountDeckEditor(
  s: Pick<Stores, '$request'>,
  session: SessionSource,
  a: BriefingActions,
  present: (deck: Deck) => void,
) {
  const dlg = modal('deck-dialog', 'Decks');
  dlg.dialog.classList.add('wide', 'briefing-dialog');
  const status = statusLine('deck-status');

  const newName = h('input', {
    id: 'deck-new-name',
    type: 'text',
    maxlength: 120,
    placeholder: 'e.g. Alliances in Europe',
    autofocus: true,
  });
  const pick = h('select', { id: 'deck-pick', 'aria-label': 'Open a deck' });
  pick.addEventListener('change', () => {
    if (pick.value) void a.openDeck(pick.value);
  });
  const createForm = h(
    'form',
    {
      class: 'modal-form inline-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const name = newName.value.trim();
        if (!name) return newName.focus();
        void a.createDeck(name).then(() => {
          newName.value = '';
        });
      },
    },
    field('New deck', newName),
    h('button', { type: 'submit', class: 'tool primary', id: 'deck-create' }, 'Create'),
    field('Or open', pick),
  );

  const bannerTop = h('input', { id: 'deck-banner-top', type: 'text', maxlength: 500 });
  const bannerBottom = h('input', { id: 'deck-banner-bottom', type: 'text', maxlength: 500 });
  const aspect = select('deck-aspect', DECK_ASPECTS, (v) => v);
  const theme = select('deck-theme', DECK_THEMES, (v) => THEME_TEXT[v]);
  bannerTop.addEventListener('change', () => void a.saveDeck({ bannerTop: bannerTop.value }));
  bannerBottom.addEventListener(
    'change',
    () => void a.saveDeck({ bannerBottom: bannerBottom.value }),
  );
  aspect.addEventListener('change', () => void a.saveDeck({ aspect: aspect.value as DeckAspect }));
  theme.addEventListener('change', () => void a.saveDeck({ theme: theme.value as DeckTheme }));

  // Name, sharing and logo: the deck's own settings.
  const deckName = h('input', { id: 'deck-name', type: 'text', maxlength: 120, required: true });
  deckName.addEventListener('change', () => {
    const name = deckName.value.trim();
    if (name) void a.saveDeck({ name });
  });
  const share = h('button', {
    type: 'button',
    class: 'tool',
    id: 'deck-share',
    onclick: () => {
      const d = a.$deck.get();
      if (d) void a.saveDeck({ visibility: d.visibility === 'shared' ? 'private' : 'shared' });
    },
  });
  const shareState = h('span', { class: 'tag', id: 'deck-visibility' });
  const logoFile = h('input', {
    id: 'deck-logo',
    type: 'file',
    accept: LOGO_MEDIA_TYPES.join(','),
  });
  logoFile.addEventListener('change', () => {
    const file = logoFile.files?.[0];
    if (file) void a.setDeckLogo(file).then(() => (logoFile.value = ''));
  });
  const logoPreview = h('img', { id: 'deck-logo-preview', class: 'deck-logo', alt: 'Deck logo' });
  const logoRemove = h(
    'button',
    {
      type: 'button',
      class: 'tool small',
      id: 'deck-logo-remove',
      onclick: () => void a.setDeckLogo(null),
    },
    'Remove logo',
  );
  const settings = h(
    'div',
    { class: 'briefing-row' },
    field('Deck name', deckName, 'saved as you leave the field'),
    h('span', { class: 'deck-share' }, shareState, share),
    field('Logo', logoFile, `PNG, JPEG or SVG, up to ${Math.round(LOGO_MAX_BYTES / 1000)} kB`),
    h('span', { class: 'deck-logo-box' }, logoPreview, logoRemove),
  );

  const addView = h('select', { id: 'deck-add-view', 'aria-label': 'Saved view for a new slide' });
  const slides = h('ol', { class: 'slides', id: 'deck-slides', 'aria-label': 'Slides' });
  const exportBtn = (format: 'pdf' | 'pptx', label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'tool',
        id: `deck-export-${format}`,
        onclick: () => {
          const d = a.$deck.get();
          if (d) void a.exportDeck(d.id, format);
        },
      },
      label,
    );
  const editor = h(
    'div',
    { class: 'deck-edit', id: 'deck-edit' },
    settings,
    h(
      'div',
      { class: 'briefing-row' },
      field('Banner, top', bannerTop, 'e.g. a classification or handling caveat'),
      field('Banner, bottom', bannerBottom),
      field('Aspect', aspect),
      field('Theme', theme),
    ),
    h(
      'div',
      { class: 'briefing-row end' },
      h(
        'span',
        { class: 'deck-add' },
        addView,
        h(
          'button',
          {
            type: 'button',
            class: 'tool',
            id: 'deck-add-slide',
            onclick: () => {
              const v = a.$viewChoices.get().find((x) => x.id === addView.value);
              if (!v) return;
              const slide: Slide = { viewId: v.id, title: v.name, subtitle: '', notes: '' };
              void a.saveDeck((d) => ({ slides: [...d.slides, slide] }));
            },
          },
          'Add slide',
        ),
      ),
      h(
        'span',
        { class: 'item-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'tool primary',
            id: 'deck-present',
            onclick: () => {
              const d = a.$deck.get();
              if (d && d.slides.length > 0) {
                dlg.close();
                present(d);
              }
            },
          },
          'Present',
        ),
        exportBtn('pdf', 'Download PDF'),
        exportBtn('pptx', 'Download PowerPoint'),
      ),
    ),
    slides,
  );
  const guestNote = h(
    'p',
    { class: 'muted', id: 'deck-guest-note' },
    'Decks need the analyst role: sign in as an analyst to build one.',
  );

  let shape = '';
  const draw = () => {
    const allowed = can(session.get(), DECK_ROLE);
    guestNote.hidden = allowed;
    createForm.hidden = !allowed;
    const d = a.$deck.get();
    editor.hidden = !allowed || d === null;
    const decks = a.$decks.get();
    render(
      pick,
      h('option', { value: '' }, decks.length ? 'Choose a deck' : 'No decks yet'),
      ...decks.map((x) => h('option', { value: x.id }, `${x.name} (${x.slideCount})`)),
    );
    pick.value = d?.id ?? '';
    const views = a.$viewChoices.get();
    // A save landing while a view is chosen redraws the options: keep the choice.
    const chosen = addView.value;
    render(addView, ...views.map((v) => h('option', { value: v.id }, v.name)));
    if (views.some((v) => v.id === chosen)) addView.value = chosen;
    if (!d) return;
    // Rebuild the slide list only when slides come, go or move, so typing keeps its focus.
    const next = `${d.id}|${d.slides.map((x) => x.viewId).join(',')}`;
    if (document.activeElement !== deckName) deckName.value = d.name;
    const shared = d.visibility === 'shared';
    shareState.textContent = d.visibility;
    share.textContent = shared ? 'Unshare' : 'Share';
    share.title = shared
      ? `Make ${d.name} private again`
      : `Share ${d.name} with every signed-in user (read and export)`;
    share.setAttribute('aria-pressed', String(shared));
    logoPreview.hidden = d.logo === null;
    logoRemove.hidden = d.logo === null;
    if (d.logo && logoPreview.getAttribute('src') !== d.logo) logoPreview.src = d.logo;
    if (document.activeElement !== bannerTop) bannerTop.value = d.bannerTop;
    if (document.activeElement !== bannerBottom) bannerBottom.value = d.bannerBottom;
    aspect.value = d.aspect;
    theme.value = d.theme;
    if (next === shape) return;
    shape = next;
    const names = new Map(views.map((v) => [v.id, v.name]));
    const edit = (i: number) => (change: Partial<Slide> | null, move?: number) => {
      void a.saveDeck((cur) => {
        const list = [...cur.slides];
        const slide = list[i];
        if (!slide) return { slides: list };
        if (change) list[i] = { ...slide, ...change };
        else if (move === 0) list.splice(i, 1);
        else if (move) {
          const j = i + move;
          const other = list[j];
          if (other) {
            list[i] = other;
            list[j] = slide;
          }
        }
        return { slides: list };
      });
    };
    render(
      slides,
      ...(d.slides.length === 0
        ? [h('li', { class: 'muted empty' }, 'No slides yet: add one from a saved view.')]
        : d.slides.map((sl, i) =>
            slideEditor(sl, i, d.slides.length, names.get(sl.viewId) ?? sl.viewId, edit(i)),
          )),
    );
  };
  render(dlg.body, guestNote, createForm, editor, status.el);
  const openBtn = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id: 'decks-open',
      title: 'Build a briefing deck from saved views, present it, export it',
      onclick: () => {
        dlg.open();
        void a.refreshDecks();
      },
    },
    'Decks',
  );
  const dispose = listenAll([
    a.$deck.subscribe(draw),
    a.$decks.listen(draw),
    a.$viewChoices.listen(draw),
    session.subscribe(draw),
    s.$request.subscribe((r) => {
      if (dlg.dialog.open) status.show(r);
    }),
    dlg.dispose,
  ]);
  return { button: openBtn, open: dlg.open, dispose };
}
