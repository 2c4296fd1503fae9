import { atom } from 'nanostores';
import {
  type Deck,
  type DeckSummary,
  type SavedView,
  type Source,
  SUBGRAPH_MAX_IDS,
  type UpdateDeckBody,
  type ViewChanges,
  type ViewSummary,
  type Visibility,
} from '../../server/contract/index.js';
import { checkLogo, LOGO_MAX_BYTES } from '../../server/contract/logo.js';
import type { Api } from '../api/client.js';
import type { Stores } from '../state/stores.js';
import {
  captureView,
  changedSinceText,
  normaliseSnapshot,
  storedState,
  tiesOf,
  transitionPlan,
  type ViewSnapshot,
} from '../state/view-snapshot.js';
import { downloadBlob as download } from '../ui/download.js';
import type { AnalyticsActions } from './analytics-actions.js';
import type { CanvasActions } from './canvas-actions.js';
import type { OverlapActions } from './overlap-actions.js';
import type { PathActions } from './path-actions.js';
import type { TimeActions } from './time-actions.js';
import type { Track } from './track.js';
import { currentView } from './url-sync.js';

/** What reading one saved view answers. */
export type ViewRead = Awaited<ReturnType<Api['view']>>;

/** The routes the briefings use (api/client.ts). */
export type BriefingApi = Pick<
  Api,
  | 'views'
  | 'view'
  | 'viewByShortId'
  | 'createView'
  | 'updateView'
  | 'duplicateView'
  | 'deleteView'
  | 'decks'
  | 'deck'
  | 'createDeck'
  | 'updateDeck'
  | 'deleteDeck'
  | 'exportDeck'
  | 'exportView'
  | 'subgraph'
  | 'node'
>;

export type DeckFormat = 'pdf' | 'pptx';

/** The single-view exports the Views list offers: PNG at 1920x1080 or 3840x2160, or SVG. */
export const VIEW_EXPORTS = [
  { key: 'png', format: 'png', scale: '1', label: 'PNG', title: 'PNG, 1920×1080' },
  { key: 'png4k', format: 'png', scale: '2', label: 'PNG 4K', title: 'PNG, 3840×2160' },
  { key: 'svg', format: 'svg', scale: '1', label: 'SVG', title: 'SVG, with the world map' },
] as const;
export type ViewExport = (typeof VIEW_EXPORTS)[number];

/** The canvas verbs a restore needs from the view (view/graph-view.ts). */
export interface PlacingView {
  positions(): { id: string; x: number; y: number }[];
  preset(positions: ViewSnapshot['positions']): void;
  place(positions: ViewSnapshot['positions'], ms?: number): Promise<void>;
}

/** The short link that opens a saved view by id. */
export const viewLink = (origin: string, shortId: string) =>
  `${origin}/v/${encodeURIComponent(shortId)}`;

/** `/v/<shortId>`: the short link's path, or null for any other address. */
export const shortIdOf = (pathname: string) =>
  /^\/v\/([A-Za-z0-9]{8})\/?$/.exec(pathname)?.[1] ?? null;

/** The notice after opening a view: what changed in the data since it was saved, if anything. */
function openedNotice(name: string, changes: ViewChanges) {
  const changed = changedSinceText(changes);
  return changed
    ? { tone: 'warn' as const, text: `${name}: ${changed}` }
    : { tone: 'info' as const, text: `Opened “${name}”.` };
}

/** Saved views and decks: the stores the panels read and the verbs they call. */
export function createBriefingActions(
  api: BriefingApi,
  s: Stores,
  a: {
    canvas: CanvasActions;
    time: TimeActions;
    overlap: OverlapActions;
    path: PathActions;
    /** The what-if scenario a view keeps (actions/analytics-actions.ts). */
    scenario: Pick<AnalyticsActions, 'keptScenario' | 'restoreScenario'>;
  },
  view: PlacingView,
  track: Track,
) {
  const $views = atom<readonly ViewSummary[]>([]);
  const $decks = atom<readonly DeckSummary[]>([]);
  /** The deck open in the editor. */
  const $deck = atom<Deck | null>(null);
  const $viewQuery = atom<string>('');
  /** Every view the caller can read, unsearched: what a deck's slides are chosen from. */
  const $viewChoices = atom<readonly ViewSummary[]>([]);
  let saving: Promise<unknown> = Promise.resolve();

  /** The explorer as it is now, as a snapshot. */
  const capture = (words: { caption?: string; notes?: string } = {}) =>
    captureView(currentView(s), view.positions(), {
      overlapAssociates: s.$overlapAssociates.get(),
      ties: s.$tieFilter.get(),
      scenario: a.scenario.keptScenario(),
      ...words,
    });

  /**
   * Draws a snapshot: settings first, then the canvas (nodes arrive at their saved places),
   * then the analyses, then every node is put where it was saved (over `ms` when animated).
   * `showScenario` opens the What-if tab on the view's scenario, if it keeps one (opening a
   * view does; presenting a slide does not).
   */
  async function restore(raw: SavedView['state'], ms = 0, showScenario = false) {
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
    await a.scenario.restoreScenario(v.scenario, showScenario);
  }

  const refreshViews = () =>
    track('Loading saved views', async () => {
      $views.set((await api.views($viewQuery.get() || undefined)).views);
    });

  const actions = {
    $views,
    $decks,
    $deck,
    $viewQuery,
    $viewChoices,
    capture,
    restore,
    refreshViews,
    search(q: string) {
      $viewQuery.set(q);
      return refreshViews();
    },
    saveView: (words: { name: string; caption: string; notes: string; shared: boolean }) =>
      track(`Saving ${words.name}`, async () => {
        const { view: saved } = await api.createView({
          name: words.name,
          visibility: words.shared ? 'shared' : 'private',
          state: storedState(capture(words)),
        });
        await refreshViews();
        s.$notice.set({ tone: 'info', text: `Saved the view “${saved.name}”.` });
        return saved;
      }),
    renameView: (id: string, name: string) =>
      track(`Renaming to ${name}`, async () => {
        await api.updateView(id, { name });
        await refreshViews();
      }),
    share: (id: string, visibility: Visibility) =>
      track('Changing who sees the view', async () => {
        await api.updateView(id, { visibility });
        await refreshViews();
      }),
    duplicateView: (id: string) =>
      track('Duplicating the view', async () => {
        const { view: src } = await api.view(id);
        await api.createView({
          name: `${src.name} (copy)`,
          visibility: 'private',
          state: src.state,
        });
        await refreshViews();
      }),
    deleteView: (id: string) =>
      track('Deleting the view', async () => {
        await api.deleteView(id);
        $views.set($views.get().filter((v) => v.id !== id));
      }),
    /**
     * Opens a saved view (by id or short id) and says what changed in the data since.
     * `read` is the view's read when it was sent already (a short link's, sent while the
     * explorer starts).
     */
    openView: (id: string, by: 'id' | 'shortId' = 'id', read?: Promise<ViewRead>) =>
      track('Opening the view', async () => {
        const res = await (read ?? (by === 'id' ? api.view(id) : api.viewByShortId(id)));
        await restore(res.view.state, 0, true);
        s.$notice.set(openedNotice(res.view.name, res.changes));
        return res.view;
      }),
    async copyShortLink(shortId: string) {
      const url = viewLink(location.origin, shortId);
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
        const [decks, views] = await Promise.all([api.decks(), api.views()]);
        $decks.set(decks.decks);
        $viewChoices.set(views.views);
      }),
    createDeck: (name: string) =>
      track(`Creating ${name}`, async () => {
        const { deck } = await api.createDeck({ name, slides: [] });
        $deck.set(deck);
        $decks.set((await api.decks()).decks);
        return deck;
      }),
    openDeck: (id: string) =>
      track('Opening the deck', async () => {
        $deck.set((await api.deck(id)).deck);
      }),
    closeDeck: () => $deck.set(null),
    /**
     * Saves the deck open in the editor with a change applied. Saves run one after another
     * and a change given as a function is computed from the deck as the last save left it,
     * so quick edits (a note, then a new slide) never overwrite each other.
     */
    saveDeck(change: UpdateDeckBody | ((d: Deck) => UpdateDeckBody)) {
      const next = saving.then(() =>
        track('Saving the deck', async () => {
          const deck = $deck.get();
          if (!deck) return;
          const body = typeof change === 'function' ? change(deck) : change;
          const { deck: saved } = await api.updateDeck(deck.id, body);
          $deck.set(saved);
          const summary = { ...saved, slideCount: saved.slides.length };
          $decks.set($decks.get().map((d) => (d.id === saved.id ? { ...d, ...summary } : d)));
        }),
      );
      saving = next;
      return next;
    },
    deleteDeck: (id: string) =>
      track('Deleting the deck', async () => {
        await api.deleteDeck(id);
        $decks.set($decks.get().filter((d) => d.id !== id));
        if ($deck.get()?.id === id) $deck.set(null);
      }),
    exportView: (id: string, how: ViewExport) =>
      track(`Exporting the view as ${how.title}`, async () => {
        const file = await api.exportView(id, how.format, how.scale);
        download(file.blob, file.filename);
        return file.filename;
      }),
    /**
     * Reads a logo file and saves it with the open deck; refused here (without a request) when
     * it is not a PNG, JPEG or plain SVG within the size bound, as the server would.
     */
    async setDeckLogo(file: File | null) {
      if (!file) return actions.saveDeck({ logo: null });
      const logo = await track('Reading the logo', async () => {
        if (file.size > LOGO_MAX_BYTES) {
          throw new Error(
            `The logo is too large: at most ${Math.round(LOGO_MAX_BYTES / 1000)} kB.`,
          );
        }
        const url = await dataUrlOf(file);
        const checked = checkLogo(url);
        if ('problem' in checked) throw new Error(`That logo cannot be used: ${checked.problem}.`);
        return url;
      });
      if (logo) await actions.saveDeck({ logo });
    },
    exportDeck: (id: string, format: DeckFormat) =>
      track(`Exporting ${format.toUpperCase()}`, async () => {
        const file = await api.exportDeck(id, format);
        download(file.blob, file.filename);
        return file.filename;
      }),
    /** Every source cited by the nodes of a slide on its date, for the sources footer. */
    async slideSources(ids: readonly string[], asOf: string): Promise<Source[]> {
      if (ids.length === 0) return [];
      const res = await api.subgraph({
        ids: ids.slice(0, SUBGRAPH_MAX_IDS) as string[],
        asOf,
        include: ['sources'],
      });
      const cited = [...res.nodes, ...res.edges].flatMap((x) => x.sources ?? []);
      if (cited.length > 0) return cited;
      // Summaries may come without sources: the drawn groupings' details always carry them.
      const groups = res.nodes.filter((n) => n.label !== 'Nation').slice(0, 5);
      const details = await Promise.all(groups.map((n) => api.node(n.id)));
      return details.flatMap((n) => n.sources);
    },
    /** The saved view of a slide, read fresh (the presenter draws it). */
    slideView: async (id: string) => (await api.view(id)).view,
  };
  return actions;
}

/** A file's bytes as a base64 data URL (FileReader keeps the browser's media type). */
function dataUrlOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The logo file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export type BriefingActions = ReturnType<typeof createBriefingActions>;
