import { today as todayIso } from '../server/contract/time.js';
import { createAnalysisActions } from './actions/analysis-actions.js';
import { createCanvasActions } from './actions/canvas-actions.js';
import { createConsoleActions } from './actions/console-actions.js';
import { createExportActions } from './actions/export-actions.js';
import { createTimeActions } from './actions/time-actions.js';
import { createTracker } from './actions/track.js';
import { currentView, restoreView, syncUrl } from './actions/url-sync.js';
import { createApi } from './api/client.js';
import { keymap } from './keymap.js';
import { createConsoleStores } from './state/console.js';
import { HISTORY_KEY, parseHistory } from './state/console-history.js';
import { createStores } from './state/stores.js';
import { encodeView } from './state/url-codec.js';
import type { EntenteHook } from './test-hook.js';
import { mountConsoleLoader } from './ui/console-loader.js';
import type { ConsoleHandle } from './ui/console-panel.js';
import { createContextMenu } from './ui/context-menu.js';
import { mountDetails } from './ui/details-panel.js';
import { mountFilters } from './ui/filters-panel.js';
import { mountLegend } from './ui/legend-panel.js';
import { mountOverlap } from './ui/overlap-panel.js';
import { mountPath } from './ui/path-panel.js';
import { mountSearch } from './ui/search-box.js';
import { mountShortcuts } from './ui/shortcuts.js';
import { mountStatus } from './ui/status.js';
import { mountTimeBar } from './ui/time-bar.js';
import { mountToolbar } from './ui/toolbar.js';
import { benchRender } from './view/bench.js';
import { buildScene } from './view/elements.js';
import { createGraphView } from './view/graph-view.js';
import { sceneStores } from './view/scene-store.js';
import { syntheticElements } from './view/synthetic.js';
import './styles.css';

/** Composition root: stores, API, actions, the view and the panels, wired once. */
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel} in index.html`);
  return el;
};

const s = createStores(todayIso());
const api = createApi();
const track = createTracker(s);
const canvas = createCanvasActions(api, s, track);
const analysis = createAnalysisActions(api, s, canvas, track);
const time = createTimeActions(s, canvas, track, () => analysis.refreshForDate());
const derived = sceneStores(s);
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const cs = createConsoleStores(parseHistory(storage?.getItem(HISTORY_KEY) ?? null));
const consoleActions = createConsoleActions(api, s, cs, canvas, storage);
let consoleHandle: ConsoleHandle | null = null;
const toggleConsole = () => cs.$open.set(!cs.$open.get());
const menu = createContextMenu($('#context-menu'));
const help = $<HTMLDialogElement>('#help');

const view = createGraphView($('#cy'), s, derived, {
  hover: (id) => s.$hover.set(id),
  select: (id) => s.$selection.set(id),
  expand: (id) => void canvas.expand(id),
  context: (id, x, y) => {
    const node = s.$canvas.get().present.nodes[id];
    if (!node) return;
    const pinned = s.$canvas.get().present.pinned.includes(id);
    const box = $('#cy').getBoundingClientRect();
    menu.open(box.left + x, box.top + y, [
      {
        label: `Expand (limit ${s.$expandLimit.get()})`,
        key: 'E',
        run: () => void canvas.expand(id),
      },
      { label: pinned ? 'Unpin' : 'Pin', key: 'P', run: () => canvas.togglePin(id) },
      { label: 'Remove', key: 'Del', run: () => canvas.remove([id]) },
      { label: 'Path from here', run: () => analysis.setPathEnd('from', id) },
      { label: 'Path to here', run: () => analysis.setPathEnd('to', id) },
      ...(node.label === 'Alliance'
        ? [{ label: 'Toggle in overlaps', run: () => void analysis.toggleOverlap(id) }]
        : []),
    ]);
  },
});

const hook: EntenteHook = {
  ready: false,
  lastExport: null,
  settled: () => view.settled(),
  snapshot: () => {
    const scene = derived.$scene.get();
    return {
      nodes: [...s.$canvas.get().present.order],
      drawnNodes: scene.elements.filter((e) => e.group === 'nodes').map((e) => e.data.id),
      // Edges that hold on the date; a just-ended edge still fading out is listed apart.
      drawnEdges: scene.elements
        .filter((e) => e.group === 'edges' && !/\b(exited|ended)\b/.test(e.classes))
        .map((e) => e.data.id),
      fadingEdges: scene.elements.filter((e) => /\bexited\b/.test(e.classes)).map((e) => e.data.id),
      asOf: s.$asOf.get(),
      layout: s.$layout.get(),
      view: s.$view.get(),
      compareFrom: s.$compareFrom.get(),
      selection: s.$selection.get(),
      request: s.$request.get(),
    };
  },
  console: {
    snapshot: () => {
      const r = cs.$result.get();
      return {
        open: cs.$open.get(),
        ready: consoleHandle !== null,
        status: cs.$status.get(),
        columns: r ? [...r.response.columns] : [],
        rows: r ? r.response.rows.length : 0,
        source: r ? (r.source.kind === 'library' ? r.source.name : 'cypher') : null,
      };
    },
    setText: (text) => consoleHandle?.setText(text),
  },
  bench: {
    synthetic: (n, perNode) => benchRender($('#canvas-wrap'), syntheticElements(n, perNode)),
    world: async (ids) => {
      const res = await api.subgraph({ ids, asOf: s.today });
      const nodes = Object.fromEntries(res.nodes.map((n) => [n.id, n]));
      const edges = Object.fromEntries(res.edges.map((e) => [e.id, e]));
      const scene = buildScene({
        canvas: { nodes, order: res.nodes.map((n) => n.id), pinned: [], omitted: {} },
        edges,
        asOf: s.today,
        compareFrom: null,
        filters: s.$filters.get(),
        view: 'graph',
        sizeBy: 'degree',
        overlap: [],
        path: null,
        flash: { joined: [], exited: [] },
      });
      return benchRender($('#canvas-wrap'), scene.elements);
    },
  },
};
window.__entente = hook;

const exporter = createExportActions(s, derived, view, track, (r) => {
  hook.lastExport = r;
});
const share = async () => {
  const url = `${location.origin}${location.pathname}#${encodeView(currentView(s), s.today)}`;
  try {
    await navigator.clipboard.writeText(url);
    s.$notice.set({ tone: 'info', text: 'Link to this view copied to the clipboard.' });
  } catch {
    s.$notice.set({ tone: 'info', text: `Link to this view: ${url}` });
  }
};
const quickStart = async (q: string) => {
  const res = await track(`Searching “${q}”`, () => api.search(q, { limit: 1 }));
  const first = res?.results[0];
  if (!first) return;
  await canvas.addNodes([first.id], { select: first.id });
  await canvas.expand(first.id);
};

mountSearch($('#search'), api, (r, expand) => {
  void canvas.addNodes([r.id], { select: r.id }).then(() => {
    if (expand) void canvas.expand(r.id);
  });
});
mountToolbar($('#toolbar'), s, {
  undo: canvas.undo,
  redo: canvas.redo,
  fit: () => view.fit(),
  relayout: () => void view.relayout(),
  exportPng: (scale) => void exporter.png(scale),
  exportSvg: () => void exporter.svg(),
  share: () => void share(),
  help: () => help.showModal(),
});
mountConsoleLoader($('#console'), $('#console-opener'), s, cs, consoleActions, (handle) => {
  consoleHandle = handle;
});
mountFilters($('#filters'), s);
mountOverlap($('#overlap'), s, {
  toggle: (id) => void analysis.toggleOverlap(id),
  clear: analysis.clearOverlap,
});
mountPath($('#paths'), s, {
  setEnd: analysis.setPathEnd,
  find: (f, t) => void analysis.findPath(f, t),
  clear: analysis.clearPath,
});
mountDetails($('#details'), s, api, {
  expand: (id) => void canvas.expand(id),
  togglePin: canvas.togglePin,
  remove: (id) => canvas.remove([id]),
  pathEnd: analysis.setPathEnd,
  toggleOverlap: (id) => void analysis.toggleOverlap(id),
});
mountTimeBar($('#timebar'), s, {
  setDate: (d) => void time.setDate(d),
  step: (y) => void time.step(y),
  togglePlay: time.togglePlay,
  setCompare: (d) => void time.setCompare(d),
});
mountLegend($('#legend'), derived.$legend);
mountStatus($('#status'), $('#toast'), s, derived.$scene, (q) => void quickStart(q));
mountShortcuts(
  help,
  keymap(s, {
    focusSearch: () => $('#search-input').focus(),
    expand: (id) => void canvas.expand(id),
    remove: (id) => canvas.remove([id]),
    togglePin: canvas.togglePin,
    undo: canvas.undo,
    redo: canvas.redo,
    fit: () => view.fit(),
    relayout: () => void view.relayout(),
    togglePlay: time.togglePlay,
    step: (y) => void time.step(y),
    toggleCompare: () =>
      void time.setCompare(
        s.$compareFrom.get()
          ? null
          : `${Number(s.$asOf.get().slice(0, 4)) - 10}${s.$asOf.get().slice(4)}`,
      ),
    exportPng: () => void exporter.png(2),
    share: () => void share(),
    toggleConsole,
    help: () => help.showModal(),
  }),
);
const expandLimit = $<HTMLInputElement>('#expand-limit');
expandLimit.value = String(s.$expandLimit.get());
expandLimit.addEventListener('change', () =>
  s.$expandLimit.set(Math.max(1, Math.min(2000, Number(expandLimit.value) || 60))),
);

await restoreView(location.hash, s, { canvas, time, analysis });
syncUrl(s, (hash) => history.replaceState(null, '', hash ? `#${hash}` : location.pathname));
await view.settled();
hook.ready = true;
document.body.dataset.ready = 'true';
