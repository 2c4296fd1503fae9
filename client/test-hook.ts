import type { ExportRecord } from './actions/export-actions.js';
import type { Api } from './api/client.js';
import { addNodes, emptyCanvas } from './state/canvas.js';
import type { ConsoleStatus, ConsoleStores } from './state/console.js';
import { mergeEdges } from './state/edges.js';
import { commit } from './state/history.js';
import type { RequestStatus } from './state/model.js';
import type { Stores } from './state/stores.js';
import type { ConsoleHandle } from './ui/console-panel.js';
import { type BenchFigures, benchRender } from './view/bench.js';
import { EXPAND_NODES, syntheticExpansion } from './view/bench-expand.js';
import type { BulkLayerState } from './view/bulk-layer-state.js';
import { buildScene } from './view/elements.js';
import type { SceneStores } from './view/scene-store.js';
import { syntheticElements, syntheticGraph } from './view/synthetic.js';

/** What e2e tests and the render bench read through `window.__entente`: no cytoscape objects. */
export interface EntenteHook {
  ready: boolean;
  snapshot(): {
    nodes: string[];
    drawnNodes: string[];
    drawnEdges: string[];
    fadingEdges: string[];
    /** Drawn nodes that do not exist on the date (faded: not yet, or no longer). */
    defunctNodes: string[];
    asOf: string;
    layout: string;
    view: string;
    compareFrom: string | null;
    selection: string | null;
    request: RequestStatus;
  };
  lastExport: ExportRecord | null;
  /** Resolves when the latest layout has stopped. */
  settled(): Promise<void>;
  /** The bulk layer's state (view/bulk-layer.ts); null when Cytoscape draws everything. */
  bulkLayer(): BulkLayerState | null;
  /** The graph drawn as the PNG export draws it (`cy.png` of the view), as a data URL. */
  graphPng(): string;
  /** Drawn node bodies: model centres and sizes (overlap checks) and page boxes (fit checks). */
  nodeBoxes(): { id: string; x: number; y: number; w: number; h: number }[];
  screenBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  /** Node label boxes in model coordinates; `shown` is false for labels hidden to avoid a collision. */
  labelBoxes(): {
    id: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    shown: boolean;
    text: string;
    /** Rendered font size in CSS px at the current zoom. */
    fontPx: number;
  }[];
  /** The Cypher console: its state, and a way to set the editor text once it is loaded. */
  console: {
    snapshot(): {
      open: boolean;
      ready: boolean;
      status: ConsoleStatus;
      columns: string[];
      rows: number;
      source: string | null;
    };
    setText(text: string): void;
  };
  /** The running worker layout's progress (null when none runs), and the dragged nodes kept. */
  layout: {
    progress(): { done: number; total: number } | null;
    handPlaced(): string[];
    /** Drawn node positions in model coordinates. */
    positions(): { id: string; x: number; y: number }[];
  };
  bench: {
    /**
     * Replaces the canvas with the synthetic graph (nodes, edgesPerNode per node) through the
     * stores, as a large query result would arrive; the layout it sets off is the app's own.
     */
    drawSynthetic(nodes: number, edgesPerNode: number): void;
    synthetic(nodes: number, edgesPerNode: number): Promise<BenchFigures>;
    world(ids: string[]): Promise<BenchFigures>;
  };
}

export type { BenchFigures };

declare global {
  interface Window {
    __entente?: EntenteHook;
  }
}

export interface HookDeps {
  s: Stores;
  cs: ConsoleStores;
  derived: SceneStores;
  api: Api;
  view: Pick<
    EntenteHook,
    'settled' | 'nodeBoxes' | 'screenBoxes' | 'labelBoxes' | 'bulkLayer' | 'graphPng'
  > & {
    $layoutProgress: { get(): { done: number; total: number } | null };
    handPlaced(): string[];
    positions(): { id: string; x: number; y: number }[];
  };
  /** The console panel once it is loaded. */
  consoleHandle(): ConsoleHandle | null;
  /** Where the render bench draws its throwaway graph. */
  benchHost: HTMLElement;
}

/** Builds `window.__entente` from the app's stores and view; it reads, never drives, state. */
export function installTestHook(d: HookDeps): EntenteHook {
  const { s, cs, derived, api } = d;
  const hook: EntenteHook = {
    ready: false,
    lastExport: null,
    settled: () => d.view.settled(),
    nodeBoxes: () => d.view.nodeBoxes(),
    bulkLayer: () => d.view.bulkLayer(),
    graphPng: () => d.view.graphPng(),
    screenBoxes: () => d.view.screenBoxes(),
    labelBoxes: () => d.view.labelBoxes(),
    snapshot: () => {
      const scene = derived.$scene.get();
      return {
        nodes: [...s.$canvas.get().present.order],
        drawnNodes: scene.elements.filter((e) => e.group === 'nodes').map((e) => e.data.id),
        // Edges that hold on the date; a just-ended edge still fading out is listed apart.
        drawnEdges: scene.elements
          .filter((e) => e.group === 'edges' && !/\b(exited|ended)\b/.test(e.classes))
          .map((e) => e.data.id),
        fadingEdges: scene.elements
          .filter((e) => /\bexited\b/.test(e.classes))
          .map((e) => e.data.id),
        defunctNodes: scene.elements
          .filter((e) => e.group === 'nodes' && /\bdefunct\b/.test(e.classes))
          .map((e) => e.data.id),
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
          ready: d.consoleHandle() !== null,
          status: cs.$status.get(),
          columns: r ? [...r.response.columns] : [],
          rows: r ? r.response.rows.length : 0,
          source: r ? (r.source.kind === 'library' ? r.source.name : 'cypher') : null,
        };
      },
      setText: (text) => d.consoleHandle()?.setText(text),
    },
    layout: {
      progress: () => d.view.$layoutProgress.get(),
      handPlaced: () => d.view.handPlaced(),
      positions: () => d.view.positions(),
    },
    bench: {
      drawSynthetic: (n, perNode) => {
        const g = syntheticGraph(n, perNode);
        s.$edges.set(mergeEdges(s.$edges.get(), g.edges));
        s.$canvas.set(commit(s.$canvas.get(), addNodes(emptyCanvas, g.nodes)));
      },
      synthetic: (n, perNode) =>
        benchRender(
          d.benchHost,
          syntheticElements(n, perNode),
          // An expansion of an alliance hub (s8) once the graph is laid out.
          n > 8 ? syntheticExpansion(n, EXPAND_NODES, 's8') : [],
        ),
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
        return benchRender(d.benchHost, scene.elements);
      },
    },
  };
  window.__entente = hook;
  return hook;
}
