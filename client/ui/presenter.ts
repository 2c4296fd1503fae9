import type { Deck, SavedView, Source } from '../../server/contract/index.js';
import type { BriefingActions } from '../actions/briefing-actions.js';
import type { Stores } from '../state/stores.js';
import { withYear } from '../state/time.js';
import { h } from './dom.js';

/** How long nodes take to move from one slide's positions to the next. */
const TRANSITION_MS = 700;
/** One year of a time walk on screen. */
const WALK_STEP_MS = 1100;
/** Sources the footer names before "and N more" (the PDF appendix lists them all). */
const FOOTER_SOURCES = 3;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p']);

export interface PresenterDeps {
  s: Pick<Stores, '$asOf' | 'today'>;
  a: Pick<BriefingActions, 'restore' | 'slideView' | 'slideSources'>;
  /** Steps the explorer's date (time actions), so a walk announces joins and exits. */
  setDate(date: string): Promise<void>;
}

/** The state a test or a screen reader can read off the frame: which slide of how many. */
export interface PresenterState {
  open: boolean;
  index: number;
  count: number;
  fullscreen: boolean;
}

function footerText(sources: readonly Source[]) {
  const urls = [...new Map(sources.map((x) => [x.url, x])).values()];
  const shown = urls.slice(0, FOOTER_SOURCES).map((x) => `${x.title} (${x.url})`);
  const more = urls.length - shown.length;
  return urls.length === 0
    ? 'Sources: none drawn'
    : `Sources: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * Presentation mode: the canvas framed as a slide (banner lines, title, subtitle, as-of date,
 * the legend, a sources footer, page number) in full screen, or in a window-filling overlay
 * where full screen is not allowed. Arrow keys, Page Up/Down, Space and clickers move between
 * slides; nodes move from one slide's positions to the next; a time walk plays its years;
 * Escape returns to editing.
 */
export function mountPresenter(canvasWrap: HTMLElement, d: PresenterDeps) {
  const title = h('h2', { class: 'slide-title', id: 'presenter-title' });
  const subtitle = h('p', { class: 'slide-subtitle' });
  const asOf = h('p', { class: 'slide-date', 'aria-live': 'polite' });
  const bannerTop = h('div', { class: 'slide-banner top', id: 'presenter-banner-top' });
  const bannerBottom = h('div', { class: 'slide-banner bottom', id: 'presenter-banner-bottom' });
  const sources = h('p', { class: 'slide-sources', id: 'presenter-sources' });
  const page = h('p', { class: 'slide-page', id: 'presenter-page' });
  const exit = h(
    'button',
    { type: 'button', class: 'tool small presenter-exit', title: 'Back to editing (Escape)' },
    'Exit',
  );
  // The explorer's own canvas (and its legend) moves into the slide while presenting.
  const stage = h('div', { class: 'slide-stage', id: 'presenter-stage' });
  const home = { parent: canvasWrap.parentElement, next: canvasWrap.nextSibling };
  const root = h(
    'section',
    {
      id: 'presenter',
      class: 'presenter',
      role: 'region',
      'aria-roledescription': 'slide show',
      'aria-labelledby': 'presenter-title',
      tabindex: -1,
      hidden: true,
    },
    h(
      'div',
      { class: 'slide-frame' },
      bannerTop,
      h('header', { class: 'slide-head' }, h('div', {}, title, subtitle), asOf),
      stage,
      h('footer', { class: 'slide-foot' }, sources, page),
      bannerBottom,
    ),
    exit,
  );
  document.body.append(root);

  const state: PresenterState = { open: false, index: 0, count: 0, fullscreen: false };
  let deck: Deck | null = null;
  let views: SavedView[] = [];
  let walkRun = 0;
  let opener: Element | null = null;

  const mark = () => {
    root.dataset.slide = String(state.index + 1);
    root.dataset.count = String(state.count);
    root.dataset.fullscreen = String(state.fullscreen);
  };
  const showDate = () => {
    asOf.textContent = `As of ${d.s.$asOf.get()}`;
  };
  const offDate = d.s.$asOf.listen(() => {
    if (state.open) showDate();
  });

  async function walk(slide: Deck['slides'][number], start: string, run: number) {
    if (!slide.timeWalk) return;
    for (let y = slide.timeWalk.from; y <= slide.timeWalk.to; y++) {
      if (run !== walkRun) return;
      await d.setDate(withYear(start, y, d.s.today));
      await new Promise((r) => setTimeout(r, WALK_STEP_MS));
    }
  }

  async function show(i: number, animate: boolean) {
    if (!deck) return;
    const slide = deck.slides[i];
    const view = views[i];
    if (!slide || !view) return;
    state.index = i;
    mark();
    const run = ++walkRun;
    title.textContent = slide.title || view.name;
    subtitle.textContent = slide.subtitle;
    page.textContent = `${i + 1} / ${deck.slides.length}`;
    root.dataset.walk = slide.timeWalk ? `${slide.timeWalk.from}-${slide.timeWalk.to}` : '';
    // A walk starts at its first year; positions come from the saved view.
    const state0 = slide.timeWalk
      ? { ...view.state, asOf: withYear(view.state.asOf, slide.timeWalk.from, d.s.today) }
      : view.state;
    await d.a.restore(state0, animate ? TRANSITION_MS : 0);
    if (run !== walkRun) return;
    showDate();
    root.dataset.shown = String(i + 1);
    const footer = await d.a
      .slideSources(view.state.nodes, d.s.$asOf.get())
      .then(
        footerText,
        (e: unknown) => `Sources could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
    if (run === walkRun) sources.textContent = footer;
    await walk(slide, state0.asOf, run);
  }

  const step = (by: number) => {
    const next = state.index + by;
    if (next < 0 || next >= state.count) return;
    void show(next, true);
  };

  function onKey(e: KeyboardEvent) {
    if (!state.open) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      void close();
    } else if (NEXT.has(e.key)) {
      e.preventDefault();
      step(1);
    } else if (PREV.has(e.key)) {
      e.preventDefault();
      step(-1);
    } else return;
    e.stopPropagation();
  }
  // Leaving full screen (the browser's own Escape) ends the presentation too.
  const onFullscreen = () => {
    if (state.open && state.fullscreen && !document.fullscreenElement) void close();
  };

  async function close() {
    if (!state.open) return;
    state.open = false;
    walkRun += 1;
    root.hidden = true;
    document.body.classList.remove('presenting');
    home.parent?.insertBefore(canvasWrap, home.next);
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    state.fullscreen = false;
    mark();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }

  async function present(next: Deck) {
    if (next.slides.length === 0) return;
    opener = document.activeElement;
    deck = next;
    bannerTop.textContent = next.bannerTop;
    bannerBottom.textContent = next.bannerBottom;
    bannerTop.hidden = !next.bannerTop;
    bannerBottom.hidden = !next.bannerBottom;
    root.dataset.aspect = next.aspect;
    root.dataset.theme = next.theme;
    document.body.classList.add('presenting');
    home.parent = canvasWrap.parentElement;
    home.next = canvasWrap.nextSibling;
    stage.append(canvasWrap);
    root.hidden = false;
    state.open = true;
    state.count = next.slides.length;
    state.index = 0;
    // Full screen where allowed; otherwise the frame fills the window.
    state.fullscreen =
      (await document.documentElement
        .requestFullscreen?.()
        .then(() => true)
        .catch(() => false)) ?? false;
    mark();
    root.focus();
    title.textContent = 'Loading the deck…';
    views = await Promise.all(next.slides.map((sl) => d.a.slideView(sl.viewId)));
    await show(0, false);
  }

  exit.addEventListener('click', () => void close());
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('fullscreenchange', onFullscreen);
  // A click on the frame (or a clicker's mouse button) moves on; the exit button does not.
  root.addEventListener('click', (e) => {
    if (e.target !== exit && !canvasWrap.contains(e.target as Node)) step(1);
  });

  return {
    present,
    close,
    state: (): PresenterState => ({ ...state }),
    dispose() {
      offDate();
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
      root.remove();
    },
  };
}

export type Presenter = ReturnType<typeof mountPresenter>;
