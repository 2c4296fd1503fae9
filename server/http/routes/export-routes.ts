import { Router } from 'express';
import { routes } from '../../contract/routes.js';
import { exportCanvas, exportWholeGraph } from '../../domain/export/export-graph.js';
import type { GraphStore } from '../../store/graph-store.js';
import { handleFile } from '../handle.js';

/** Exports: the whole graph on a date, or a canvas as drawn, as a file to download. */
export function exportRoutes(store: GraphStore): Router {
  const r = Router();
  r.get(
    routes.exportGraph.path,
    handleFile(routes.exportGraph, ({ query }) => exportWholeGraph(store, query)),
  );
  r.post(
    routes.exportCanvas.path,
    handleFile(routes.exportCanvas, ({ body }) => exportCanvas(store, body)),
  );
  return r;
}
