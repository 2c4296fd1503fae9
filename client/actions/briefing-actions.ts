import { atom } from 'nanostores';
import type { Stores } from '../state/stores.js';
import {
  captureView,
  changedSinceText,
  normaliseSnapshot,
  tiesOf,
  transitionPlan,
  type ViewSnapshot,
} from '../state/view-snapshot.js';
import type { CanvasActions } from './canvas-actions.js';
import type { OverlapActions } from './overlap-actions.js';
import type { PathActions } from './path-actions.js';
import type { TimeActions } from './time-actions.js';
import type { Track } from './track.js';
import { currentView } from './url-sync.js';

/** A saved view as the views API lists it. */
export interface SavedView {
  id: string;
  name: string;
  caption: string;
  notes: string;
  shared: boolean;
  owner: string;
  updatedAt: string;
  state: ViewSnapshot;
  /** What changed in the data since the view was saved, when the server says. */
  changes?: { ended?: number; started?: number; removedNodes?: number };
}

export interface ViewInput {
  name: string;
  caption: string;
  notes: string;
  shared: boolean;
  state: ViewSnapshot;
}

export const ASPECTS = ['16:9', '4:3'] as const;
export const THEMES = ['light', 'dark', 'colour-blind'] as const;
export type Aspect = (typeof ASPECTS)[number];
export type Theme = (typeof THEMES)[number];

export interface Slide {
  viewId: string;
  title: string;
  subtitle: string;
  notes: string;
  /** Plays the date from one year to the other while the slide shows. */
  walk: { from: number; to: number } | null;
}

export interface DeckInput {
  name: string;
  bannerTop: string;
  bannerBottom: string;
  aspect: Aspect;
  theme: Theme;
  slides: Slide[];
}

export interface Deck extends DeckInput {
  id: string;
  owner: string;
  updatedAt: string;
}

export type DeckFormat = 'pdf' | 'pptx';

/** The views and decks routes, as the client uses them (api/client.ts implements it). */
export interface BriefingApi {
  views(q?: string): Promise<SavedView[]>;
  view(id: string): Promise<SavedView>;
  createView(body: ViewInput): Promise<SavedView>;
  updateView(id: string, body: Partial<ViewInput>): Promise<SavedView>;
  deleteView(id: string): Promise<unknown>;
  decks(): Promise<Deck[]>;
  deck(id: string): Promise<Deck>;
  createDeck(body: DeckInput): Promise<Deck>;
  updateDeck(id: string, body: Partial<DeckInput>): Promise<Deck>;
  deleteDeck(id: string): Promise<unknown>;
  exportDeck(id: string, format: DeckFormat): Promise<{ blob: Blob; filename: string }>;
}

/** The canvas verbs a restore needs from the view (view/graph-view.ts). */
export interface PlacingView {
  positions(): { id: string; x: number; y: number }[];
  preset(positions: ViewSnapshot['positions']): void;
  place(positions: ViewSnapshot['positions'], ms?: number): Promise<void>;
}

/** The short link that opens a saved view by id. */
export const viewLink = (origin: string, id: string) => `${origin}/v/${encodeURIComponent(id)}`;

/** Offers a file to the browser's download. */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saved views and decks: the stores the panels read and the verbs they call. */
export function createBriefingActions(
  api: BriefingApi,
  s: Stores,
  a: { canvas: CanvasActions; time: TimeActions; overlap: OverlapActions; path: PathActions },
  view: PlacingView,
  track: Track,
) {
  const $views = atom<readonly SavedView[]>([]);
  const $decks = atom<readonly Deck[]>([]);
  /** The deck open in the editor. */
  const $deck = atom<Deck | null>(null);
  const $viewQuery = atom<string>('');

  /** The explorer as it is now, as a snapshot. */
  const capture = (words: { caption?: string; notes?: string } = {}) =>
    captureView(currentView(s), view.positions(), {
      overlapAssociates: s.$overlapAssociates.get(),
      ties: s.$tieFilter.get(),
      ...words,
    });

  /**
   * Draws a snapshot: settings first, then the canvas (nodes arrive at their saved places),
   * then the analyses, then every node is put where it was saved (over `ms` when animated).
   */
  async function restore(raw: ViewSnapshot, ms = 0) {
    const v = normaliseSnapshot(raw, s.today);
    s.$layer.set(v.layer);
    s.$sizeBy.set(v.sizeBy);
    s.$filters.set(v.filters);
    s.$tieFilter.set(tiesOf(v));
    s.$overlapAssociates.set(v.overlapAssociates);
    s.$layout.set(v.layout);
    s.$view.set(v.view);
    s.$asOf.set(v.asOf);
    const plan = transitionPlan(s.$canvas.get().present.order, v);
    if (plan.leaving.length > 0) a.canvas.remove(plan.leaving);
    view.preset(v.positions);
    if (plan.arriving.length > 0) await a.canvas.addNodes(plan.arriving);
    else await track('Loading relationships', () => a.canvas.loadAmong(v.nodes, v.asOf));
    a.canvas.change((c) => ({ ...c, pinned: v.pinned.filter((id) => id in c.nodes) }));
    await a.time.setCompare(v.compareFrom);
    if (v.overlap.length > 0) await a.overlap.setOverlap(v.overlap);
    else a.overlap.clearOverlap();
    if (v.path) await a.path.findPath(v.path.from, v.path.to);
    else a.path.clearPath();
    s.$selection.set(v.selected);
    await view.place(v.positions, ms);
  }

  const refreshViews = () =>
    track('Loading saved views', async () => {
      $views.set(await api.views($viewQuery.get() || undefined));
    });

  return {
    $views,
    $decks,
    $deck,
    $viewQuery,
    capture,
    restore,
    refreshViews,
    search(q: string) {
      $viewQuery.set(q);
      return refreshViews();
    },
    saveView: (words: { name: string; caption: string; notes: string; shared: boolean }) =>
      track(`Saving ${words.name}`, async () => {
        const saved = await api.createView({ ...words, state: capture(words) });
        $views.set([saved, ...$views.get().filter((v) => v.id !== saved.id)]);
        s.$notice.set({ tone: 'info', text: `Saved the view “${saved.name}”.` });
        return saved;
      }),
    renameView: (id: string, name: string) =>
      track(`Renaming to ${name}`, async () => {
        const saved = await api.updateView(id, { name });
        $views.set($views.get().map((v) => (v.id === id ? saved : v)));
      }),
    duplicateView: (id: string) =>
      track('Duplicating the view', async () => {
        const src = await api.view(id);
        const copy = await api.createView({
          name: `${src.name} (copy)`,
          caption: src.caption,
          notes: src.notes,
          shared: false,
          state: src.state,
        });
        $views.set([copy, ...$views.get()]);
      }),
    deleteView: (id: string) =>
      track('Deleting the view', async () => {
        await api.deleteView(id);
        $views.set($views.get().filter((v) => v.id !== id));
      }),
    /** Opens a saved view and says what changed in the data since it was saved. */
    openView: (id: string) =>
      track('Opening the view', async () => {
        const saved = await api.view(id);
        await restore(saved.state);
        const changed = saved.changes ? changedSinceText(saved.changes) : null;
        s.$notice.set({
          tone: changed ? 'warn' : 'info',
          text: changed ? `${saved.name}: ${changed}` : `Opened “${saved.name}”.`,
        });
        return saved;
      }),
    async copyShortLink(id: string) {
      const url = viewLink(location.origin, id);
      try {
        await navigator.clipboard.writeText(url);
        s.$notice.set({ tone: 'info', text: `Short link copied: ${url}` });
      } catch {
        s.$notice.set({ tone: 'info', text: `Short link: ${url}` });
      }
      return url;
    },

    refreshDecks: () =>
      track('Loading decks', async () => {
        $decks.set(await api.decks());
      }),
    createDeck: (name: string) =>
      track(`Creating ${name}`, async () => {
        const deck = await api.createDeck({
          name,
          bannerTop: '',
          bannerBottom: '',
          aspect: '16:9',
          theme: 'light',
          slides: [],
        });
        $decks.set([deck, ...$decks.get()]);
        $deck.set(deck);
        return deck;
      }),
    openDeck: (id: string) =>
      track('Opening the deck', async () => {
        $deck.set(await api.deck(id));
      }),
    closeDeck: () => $deck.set(null),
    /** Saves the deck open in the editor with a change applied. */
    saveDeck: (change: Partial<DeckInput>) =>
      track('Saving the deck', async () => {
        const deck = $deck.get();
        if (!deck) return;
        const saved = await api.updateDeck(deck.id, change);
        $deck.set(saved);
        $decks.set($decks.get().map((d) => (d.id === saved.id ? saved : d)));
      }),
    deleteDeck: (id: string) =>
      track('Deleting the deck', async () => {
        await api.deleteDeck(id);
        $decks.set($decks.get().filter((d) => d.id !== id));
        if ($deck.get()?.id === id) $deck.set(null);
      }),
    exportDeck: (id: string, format: DeckFormat) =>
      track(`Exporting ${format.toUpperCase()}`, async () => {
        const file = await api.exportDeck(id, format);
        download(file.blob, file.filename);
        return file.filename;
      }),
    /** The saved view of a slide, read fresh (the presenter draws it). */
    slideView: (id: string) => api.view(id),
  };
}

export type BriefingActions = ReturnType<typeof createBriefingActions>;
