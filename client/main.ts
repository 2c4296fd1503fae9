import { today as todayIso } from '../server/contract/time.js';
import { createAdminActions } from './actions/admin-actions.js';
import { createAnalyticsActions } from './actions/analytics-actions.js';
import { createAuthActions } from './actions/auth-actions.js';
import { createBriefingActions, shortIdOf } from './actions/briefing-actions.js';
import { createCanvasActions } from './actions/canvas-actions.js';
import { createConsoleActions } from './actions/console-actions.js';
import { createDetailActions } from './actions/detail-actions.js';
import { createExportActions } from './actions/export-actions.js';
import { createImportActions } from './actions/import-actions.js';
import { createLayerActions } from './actions/layer-actions.js';
import { createMembershipActions } from './actions/membership-actions.js';
import { createOverlapActions } from './actions/overlap-actions.js';
import { createPathActions } from './actions/path-actions.js';
import { createSearchActions } from './actions/search-actions.js';
import { createShareActions } from './actions/share-actions.js';
import { createTimeActions } from './actions/time-actions.js';
import { createTracker } from './actions/track.js';
import { restoreView, syncUrl } from './actions/url-sync.js';
import { createApi } from './api/client.js';
import { createImportApi } from './api/imports.js';
import { keymap } from './keymap.js';
import { createAdminStores } from './state/admin.js';
import { createAnalyticsStores } from './state/analytics.js';
import { createAtopStores } from './state/atop-phases.js';
import { createConsoleStores } from './state/console.js';
import { HISTORY_KEY, parseHistory } from './state/console-history.js';
import { createSessionStores, setupTokenOf } from './state/session.js';
import { createStores } from './state/stores.js';
import { installTestHook } from './test-hook.js';
import { mountAccountUi } from './ui/account-ui.js';
import { analyticsButton, mountAnalytics } from './ui/analytics-panel.js';
import { mountCanvasKeys } from './ui/canvas-keys.js';
import { mountConsoleLoader } from './ui/console-loader.js';
import type { ConsoleHandle } from './ui/console-panel.js';
import { mountNodeMenu } from './ui/context-menu.js';
import { mountDeckEditor } from './ui/deck-editor.js';
import { mountDetails } from './ui/details-panel.js';
import { exportDataMenu } from './ui/export-data-menu.js';
import { mountFilters } from './ui/filters-panel.js';
import { mountImportDialog } from './ui/import-dialog.js';
import { mountLayerControl } from './ui/layer-control.js';
import { mountLayoutProgress } from './ui/layout-progress.js';
import { mountLegend } from './ui/legend-panel.js';
import { mountOverlap } from './ui/overlap-panel.js';
import { overlayInsets } from './ui/overlay-insets.js';
import { mountPath } from './ui/path-panel.js';
import { mountPresenter } from './ui/presenter.js';
import { mountSearch } from './ui/search-box.js';
import { mountShortcuts } from './ui/shortcuts.js';
import { mountStatus } from './ui/status.js';
import { mountTimeBar } from './ui/time-bar.js';
import { mountToolbar } from './ui/toolbar.js';
import { mountViewsPanel } from './ui/views-panel.js';
import { createGraphView } from './view/graph-view.js';
import { sceneStores } from './view/scene-store.js';
import './styles.css';

/** Composition root: stores, API, actions, the view and the panels, wired once. */
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel} in index.html`);
  return el;
};
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

const s = createStores(todayIso());
const cs = createConsoleStores(parseHistory(storage?.getItem(HISTORY_KEY) ?? null));
const ss = createSessionStores();
const as = createAdminStores();
const api = createApi(undefined, {
  csrfToken: () => ss.$session.get().csrfToken,
  onSessionLost: () => void auth.load(),
  layer: () => s.$layer.get(),
});
const admin = createAdminActions(api, as);
const auth = createAuthActions(api, ss, admin.reset);
const sessionLoaded = auth.load();
// A short link (`/v/<id>`) names a saved view: its read (a GET, no CSRF token needed) goes
// out now, beside the session's, and is awaited once the explorer is up.
const shortId = shortIdOf(location.pathname);
const shortView = shortId ? api.viewByShortId(shortId) : undefined;
// A refused read is reported when the open awaits it; this only keeps it from counting as
// unhandled in the meantime.
shortView?.catch(() => undefined);
// A set-up link's token leaves the address bar before the view takes the hash over.
const setupToken = setupTokenOf(location.pathname, location.hash);
if (setupToken !== null) history.replaceState(null, '', '/setup');
const track = createTracker(s);
const canvas = createCanvasActions(api, s, track);
const overlap = createOverlapActions(api, s, canvas, track);
const path = createPathActions(api, s, canvas, track);
const time = createTimeActions(s, canvas, track, async () => {
  await overlap.refreshForDate();
  await path.refreshForDate();
});
const memberships = createMembershipActions(api, s);
const atopStores = createAtopStores();
const layers = createLayerActions(api, s, atopStores, {
  canvas,
  track,
  reloadMemberships: () => {
    const id = s.$selection.get();
    if (id) void memberships.load(id, s.$asOf.get());
  },
  refreshAnalyses: async () => {
    await overlap.refreshForDate();
    await path.refreshForDate();
  },
});
const consoleActions = createConsoleActions(api, s, cs, canvas, storage);
const ans = createAnalyticsStores();
const analytics = createAnalyticsActions(api.analytics, s, ans, canvas, track);
const derived = sceneStores(s, ans);
const help = $<HTMLDialogElement>('#help');
let consoleHandle: ConsoleHandle | null = null;

const nodeActions = {
  expand: (id: string) => void canvas.expand(id),
  togglePin: canvas.togglePin,
  remove: (id: string) => canvas.remove([id]),
  pathEnd: path.setPathEnd,
  toggleOverlap: (id: string) => void overlap.toggleOverlap(id),
  details: createDetailActions(api, s),
};
const openMenu = mountNodeMenu($('#context-menu'), $('#cy'), s, nodeActions);
const view = createGraphView(
  $('#cy'),
  s,
  derived,
  {
    hover: (id) => s.$hover.set(id),
    select: (id) => s.$selection.set(id),
    expand: nodeActions.expand,
    context: openMenu,
  },
  overlayInsets($('#cy'), [$('#legend'), $('#console-opener'), $('#analytics')]),
);
const hook = installTestHook({
  s,
  cs,
  derived,
  api,
  view,
  consoleHandle: () => consoleHandle,
  benchHost: $('#canvas-wrap'),
});
const exporter = createExportActions(
  s,
  derived,
  view,
  track,
  (r) => {
    hook.lastExport = r;
  },
  api,
);
const share = createShareActions(s);
const briefings = createBriefingActions(
  api,
  s,
  { canvas, time, overlap, path, scenario: analytics },
  view,
  track,
);
const viewsPanel = mountViewsPanel(s, ss.$session, briefings);
const presenter = mountPresenter($('#canvas-wrap'), {
  s,
  a: briefings,
  setDate: (d) => time.setDate(d),
});
const deckEditor = mountDeckEditor(s, ss.$session, briefings, (deck) => {
  void presenter.present(deck);
});
const searching = createSearchActions(api, canvas, track);

mountSearch($('#search'), api, searching.pick);
// After a commit, what the explorer shows on its date is read again.
const imports = createImportActions(
  createImportApi(() => ss.$session.get().csrfToken),
  () => {
    void time.setDate(s.$asOf.get());
    const id = s.$selection.get();
    if (id) void memberships.load(id, s.$asOf.get());
  },
);
const importDialog = mountImportDialog(ss.$session, imports);
mountToolbar($('#toolbar'), s, {
  undo: canvas.undo,
  redo: canvas.redo,
  fit: () => view.fit(),
  relayout: () => void view.relayout(),
  exportPng: (scale) => void exporter.png(scale),
  exportSvg: () => void exporter.svg(),
  exportSources: exporter.sources,
  dataExports: exportDataMenu((format, scope) => void exporter.data(format, scope)),
  share: () => void share.copyLink(),
  help: () => help.showModal(),
  importButton: importDialog.button,
  analyticsButton: analyticsButton(ans, analytics).button,
  briefingButtons: [viewsPanel.button, deckEditor.button],
});
const account = mountAccountUi($('#account'), ss, as, auth, admin, {
  token: setupToken,
  leave: () => history.replaceState(null, '', `/${location.hash}`),
});
mountConsoleLoader(
  $('#console'),
  $('#console-opener'),
  s,
  cs,
  consoleActions,
  (handle) => {
    consoleHandle = handle;
  },
  { $session: ss.$session, signIn: account.signIn },
);
mountAnalytics($('#analytics'), s, ans, analytics);
analytics.follow();
// The drawer covers the right of the canvas: fit the drawing beside it (and back on closing).
ans.$analyticsOpen.listen(() => view.fit());
mountLayoutProgress($('#layout-progress'), view.$layoutProgress, view.stopLayout);
mountLayerControl($('#layers'), s, (layer) => void layers.setLayer(layer));
mountFilters($('#filters'), s);
mountOverlap($('#overlap'), s, {
  toggle: nodeActions.toggleOverlap,
  clear: overlap.clearOverlap,
  includeAssociates: (on) => void overlap.includeAssociates(on),
});
mountPath($('#paths'), s, {
  setEnd: path.setPathEnd,
  suggest: (text) => void path.suggest(text),
  acceptSuggestion: path.acceptSuggestion,
  find: (f, t, steer) => void path.findPath(f, t, steer),
  draw: (i) => void path.drawPath(i),
  clear: path.clearPath,
});
memberships.follow();
layers.follow();
mountDetails($('#details'), s, nodeActions, atopStores);
mountTimeBar($('#timebar'), s, {
  setDate: (d) => void time.setDate(d),
  step: (y) => void time.step(y),
  togglePlay: time.togglePlay,
  setCompare: (d) => void time.setCompare(d),
});
mountCanvasKeys($('#cy'), s, { step: view.step, expand: nodeActions.expand });
mountLegend($('#legend'), derived.$legend, $('#canvas-wrap'));
mountStatus(
  $('#status'),
  $('#toast'),
  s,
  derived.$scene,
  (q) => void searching.quickStart(q),
  (j) => void time.jump(j),
);
mountShortcuts(
  help,
  keymap(s, {
    focusSearch: () => $('#search-input').focus(),
    expand: nodeActions.expand,
    remove: nodeActions.remove,
    togglePin: canvas.togglePin,
    undo: canvas.undo,
    redo: canvas.redo,
    fit: () => view.fit(),
    relayout: () => void view.relayout(),
    togglePlay: time.togglePlay,
    step: (y) => void time.step(y),
    toggleCompare: () => void time.toggleCompare(),
    exportPng: () => void exporter.png(2),
    share: () => void share.copyLink(),
    toggleConsole: consoleActions.toggle,
    help: () => help.showModal(),
  }),
);

// A short link (`/v/<id>`) opens its saved view; any other address reopens the hash's view.
// The session comes first: a signed-in user's POST reads (subgraph) need its CSRF token.
await sessionLoaded;
if (shortId) {
  await briefings.openView(shortId, 'shortId', shortView);
  history.replaceState(null, '', '/');
} else await restoreView(location.hash, s, { canvas, time, overlap, path });
syncUrl(s, (hash) => history.replaceState(null, '', hash ? `#${hash}` : location.pathname));
await view.settled();
await sessionLoaded;
hook.ready = true;
document.body.dataset.ready = 'true';
