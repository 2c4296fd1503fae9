import type { ExportRecord } from './actions/export-actions.js';
import type { ConsoleStatus } from './state/console.js';
import type { RequestStatus } from './state/model.js';

/** What e2e tests and the render bench read through `window.__entente`: no cytoscape objects. */
export interface EntenteHook {
  ready: boolean;
  snapshot(): {
    nodes: string[];
    drawnNodes: string[];
    drawnEdges: string[];
    fadingEdges: string[];
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
  bench: {
    synthetic(nodes: number, edgesPerNode: number): Promise<BenchFigures>;
    world(ids: string[]): Promise<BenchFigures>;
  };
}

export interface BenchFigures {
  nodes: number;
  edges: number;
  addMs: number;
  layoutMs: number;
  firstPaintMs: number;
  frameMs: number;
  layout: string;
}

declare global {
  interface Window {
    __entente?: EntenteHook;
  }
}
