import type { Stores } from '../state/stores.js';
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
) {
  const meta = () => {
    const c = s.$canvas.get().present;
    const scene = derived.$scene.get();
    const nodeEls = scene.elements.filter((e) => e.group === 'nodes');
    const edgeEls = scene.elements.filter((e) => e.group === 'edges');
    const names = nodeEls
      .map((e) => c.nodes[e.data.id])
      .filter((n) => n && n.label !== 'Nation')
      .map((n) => String(n?.name));
    const lead = names.length > 0 ? names : nodeEls.map((e) => String(e.data.name));
    const title = `${lead.slice(0, 3).join(', ')}${lead.length > 3 ? ` and ${lead.length - 3} more` : ''}`;
    const from = s.$compareFrom.get();
    const edges = s.$edges.get();
    const sources = [
      ...nodeEls.flatMap((e) => c.nodes[e.data.id]?.sources ?? []),
      ...edgeEls.flatMap((e) => edges[e.data.id]?.sources ?? []),
    ].map((x) => x.title);
    return {
      title: title || 'Entente',
      subtitle: `As of ${s.$asOf.get()}${from ? ` · compared with ${from}` : ''} · ${nodeEls.length} nodes, ${edgeEls.length} relationships`,
      legend: derived.$legend.get(),
      sources,
      footer: `Entente alliance explorer · exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${location.href.slice(0, 160)}`,
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
  return {
    png: (scale: number) =>
      track(`Exporting PNG at ${scale}×`, async () =>
        record('png', scale, await view.exportPng(scale, meta())),
      ),
    svg: () => track('Exporting SVG', async () => record('svg', 1, view.exportSvg(meta()))),
  };
}
