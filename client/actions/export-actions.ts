import {
  EXPORT_TITLE_MAX_CHARS,
  type ExportFormat,
  type ExportPosition,
  type ExportStyle,
  type Source,
  SUBGRAPH_MAX_IDS,
} from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import type { Stores } from '../state/stores.js';
import { downloadBlob as download } from '../ui/download.js';
import { sourcesText } from '../view/export-frame.js';
import type { GraphView } from '../view/graph-view.js';
import type { SceneStores } from '../view/scene-store.js';
import type { Track } from './track.js';

export interface ExportRecord {
  format: 'png' | 'svg';
  scale: number;
  width: number;
  height: number;
  bytes: number;
  canvasWidth: number;
  canvasHeight: number;
  filename: string;
  dataUrl: string | null;
}

/** What a data export covers: the canvas as drawn, the whole graph on the date, or all time. */
export type ExportScope = 'canvas' | 'date' | 'all';

/** The data formats the export menu offers (the CSV zip holds both tables). */
export const DATA_FORMATS = [
  { format: 'gexf', label: 'GEXF (Gephi)' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'json', label: 'Graphology JSON (Gephi Lite)' },
  { format: 'csv', label: 'CSV nodes + relationships (zip)' },
  { format: 'cypher', label: 'Cypher script (Neo4j)' },
  { format: 'neo4j-admin', label: 'neo4j-admin import bundle' },
] as const satisfies readonly { format: ExportFormat; label: string }[];

const toDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });

/** Briefing exports: what is on screen, with title, as-of date, legend and sources. */
export function createExportActions(
  s: Stores,
  derived: SceneStores,
  view: GraphView,
  track: Track,
  onExported: (r: ExportRecord) => void,
  api: Pick<Api, 'exportGraph' | 'exportCanvas' | 'subgraph'>,
) {
  /** The sources of what is drawn: summaries carry none, so they are asked for here. */
  const drawnSources = async (nodeIds: readonly string[], edgeIds: readonly string[]) => {
    const found = new Map<string, Source[]>();
    for (let i = 0; i < nodeIds.length; i += SUBGRAPH_MAX_IDS) {
      const res = await api.subgraph({
        ids: nodeIds.slice(i, i + SUBGRAPH_MAX_IDS),
        asOf: s.$asOf.get(),
        include: ['sources'],
      });
      for (const x of [...res.nodes, ...res.edges]) found.set(x.id, x.sources ?? []);
    }
    return [...nodeIds, ...edgeIds].flatMap((id) => found.get(id) ?? []);
  };
  /** The title as typed, or one made from the first names drawn. */
  const titleOf = () => {
    const c = s.$canvas.get().present;
    const nodeEls = derived.$scene.get().elements.filter((e) => e.group === 'nodes');
    const names = nodeEls
      .map((e) => c.nodes[e.data.id])
      .filter((n) => n && n.label !== 'Nation')
      .map((n) => String(n?.name));
    const lead = names.length > 0 ? names : nodeEls.map((e) => String(e.data.name));
    const auto = `${lead.slice(0, 3).join(', ')}${lead.length > 3 ? ` and ${lead.length - 3} more` : ''}`;
    return s.$exportTitle.get().trim() || auto;
  };
  const meta = async () => {
    const c = s.$canvas.get().present;
    const scene = derived.$scene.get();
    const nodeEls = scene.elements.filter((e) => e.group === 'nodes');
    const edgeEls = scene.elements.filter((e) => e.group === 'edges');
    const title = titleOf();
    const from = s.$compareFrom.get();
    const sourceRefs =
      nodeEls.length > 0
        ? await drawnSources(
            nodeEls.map((e) => e.data.id),
            edgeEls.map((e) => e.data.id),
          )
        : [];
    const sources = sourceRefs.map((x) => x.title);
    const counts = new Map<string, number>();
    for (const e of nodeEls) {
      const label = c.nodes[e.data.id]?.label ?? 'Node';
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const what = [...counts]
      .map(([l, n]) => `${n} ${l.toLowerCase()}${n === 1 ? '' : 's'}`)
      .join(', ');
    return {
      sourceRefs,
      link: location.href,
      title: title || 'Entente',
      subtitle: `As of ${s.$asOf.get()}${from ? ` · compared with ${from}` : ''} · ${nodeEls.length} nodes, ${edgeEls.length} relationships`,
      legend: derived.$legend.get(),
      sources,
      // A short, readable reference; the full link goes in the sources list.
      footer: `Entente alliance explorer (${location.host}) · ${what || 'empty view'} · as of ${s.$asOf.get()} · exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    };
  };
  const record = async (
    format: 'png' | 'svg',
    scale: number,
    r: { blob: Blob; width: number; height: number },
  ) => {
    const size = view.size();
    const filename = `entente-${s.$asOf.get()}${format === 'png' ? `@${scale}x` : ''}.${format}`;
    download(r.blob, filename);
    onExported({
      format,
      scale,
      width: r.width,
      height: r.height,
      bytes: r.blob.size,
      canvasWidth: size.width,
      canvasHeight: size.height,
      filename,
      dataUrl: format === 'png' ? await toDataUrl(r.blob) : null,
    });
    s.$notice.set({ tone: 'info', text: `Exported ${filename} (${r.width}×${r.height}).` });
  };
  /** The canvas request: drawn ids with their positions, colours and sizes. */
  const canvasBody = (format: ExportFormat) => {
    const drawn = view.drawnNodes();
    const ids = Object.keys(drawn).slice(0, SUBGRAPH_MAX_IDS);
    const positions: Record<string, ExportPosition> = {};
    const styles: Record<string, ExportStyle> = {};
    for (const id of ids) {
      const d = drawn[id];
      if (!d) continue;
      positions[id] = { x: d.x, y: d.y };
      styles[id] = { color: d.color, size: Math.min(d.size, 10_000) };
    }
    const title = titleOf().slice(0, EXPORT_TITLE_MAX_CHARS);
    return { format, ids, asOf: s.$asOf.get(), positions, styles, title };
  };
  return {
    /** A data file (GEXF, GraphML, ...) from the server, of the canvas or the whole graph. */
    data: (format: ExportFormat, scope: ExportScope) =>
      track(`Exporting ${format.toUpperCase()}`, async () => {
        if (scope === 'canvas' && view.drawnIds().length === 0) {
          s.$notice.set({ tone: 'warn', text: 'The canvas is empty: nothing to export.' });
          return;
        }
        const { blob, filename } =
          scope === 'canvas'
            ? await api.exportCanvas(canvasBody(format))
            : await api.exportGraph({
                format,
                asOf: s.$asOf.get(),
                span: scope === 'all' ? 'all' : 'date',
              });
        download(blob, filename);
        s.$notice.set({ tone: 'info', text: `Exported ${filename}.` });
      }),
    png: (scale: number) =>
      track(`Exporting PNG at ${scale}×`, async () =>
        record('png', scale, await view.exportPng(scale, await meta())),
      ),
    svg: () => track('Exporting SVG', async () => record('svg', 1, view.exportSvg(await meta()))),
    /** The sources sidecar: every source of what is drawn, with the full link to the view. */
    sources: () =>
      void track('Exporting sources', async () => {
        const m = await meta();
        const text = sourcesText(
          { title: m.title, subtitle: m.subtitle, link: m.link },
          m.sourceRefs,
        );
        const filename = `entente-${s.$asOf.get()}-sources.txt`;
        download(new Blob([text], { type: 'text/plain;charset=utf-8' }), filename);
        s.$notice.set({ tone: 'info', text: `Exported ${filename}.` });
      }),
  };
}
