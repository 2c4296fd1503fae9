/**
 * `npm run bench:briefings`: a ten-slide deck over seeds/world exported to PDF and to PPTX,
 * each against a floor measured in the same run: writing the same ten slide SVG strings into
 * one buffer (what any export must at least do). Also timed: building the ten slide models
 * from the store (the reads behind an export), and one 300-node view as SVG and as a
 * 3840x2160 PNG. BENCH_RUNS (3) runs each, as min / median / max in ms and the median's
 * ratio to the floor's median. Nothing asserts; figures go into docs/perf.md ("Briefings").
 */
import { loadavg } from 'node:os';
import { type SavedView, ViewStateSchema } from '../server/contract/briefings.js';
import { type SlideFrame, slideModel } from '../server/domain/briefing/slide-data.js';
import { type SlideModel, slideSvg } from '../server/domain/briefing/slide-svg.js';
import { deckPdf, deckPptx, svgToPng } from '../server/http/briefing-files.js';
import { worldPaths } from '../server/lib/world-outline.js';
import { RUNS, report, timeAsync } from './timing.js';
import { worldStore } from './world-store.js';

/** A saved view of these ids on a date, laid out on a spiral (positions as a client saves them). */
function view(i: number, ids: readonly string[], asOf: string): SavedView {
  const positions = Object.fromEntries(
    ids.map((id, k) => [
      id,
      { x: Math.cos(k * 0.7) * (20 + k * 6), y: Math.sin(k * 0.7) * (20 + k * 6) },
    ]),
  );
  return {
    id: `view_bench000${i}`,
    shortId: `Bench00${i % 10}`,
    name: `Bench view ${i}`,
    owner: { id: 'usr_bench0000', username: 'bench' },
    visibility: 'private',
    // Every other view geographic, so half the slides carry the world map layer.
    state: ViewStateSchema.parse({ nodes: ids, positions, asOf, layout: i % 2 ? 'fcose' : 'geo' }),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

async function main() {
  const { store, close } = await worldStore('entente-bench-briefings-');
  try {
    const ids = await store.nodeIds();
    const alliances = ids.filter((id) => id.startsWith('alliance:'));
    // Ten slides: an alliance with its members on a date each, about 30 to 60 nodes a slide.
    const views: SavedView[] = [];
    for (let i = 0; i < 10; i++) {
      const alliance = alliances[i % alliances.length] as string;
      const asOf = `${1950 + i * 7}-06-01`;
      const members = (await store.members(alliance, asOf)).map((m) => m.id);
      const nations = ids.filter((id) => id.startsWith('nation:'));
      const extra = nations.slice(i * 5, i * 5 + 30);
      views.push(view(i, [...new Set([alliance, ...members, ...extra])], asOf));
    }
    const frame = (i: number): SlideFrame => ({
      aspect: '16:9',
      theme: 'light',
      bannerTop: 'UNCLASSIFIED // BENCH',
      bannerBottom: 'UNCLASSIFIED',
      logo: null,
      world: worldPaths(),
      page: { number: i + 1, of: views.length },
      linkBase: 'https://entente.example.org/v/',
    });
    const build = async () => {
      const out: SlideModel[] = [];
      for (const [i, v] of views.entries()) {
        out.push(
          (await slideModel(store, v, { title: v.name, subtitle: '' }, frame(i), '2026-01-01'))
            .model,
        );
      }
      return out;
    };
    const models = await build();
    const deck = {
      name: 'Bench deck',
      aspect: '16:9' as const,
      theme: 'light' as const,
      slides: models.map((model) => ({ model, notes: 'Speaker notes for the bench.' })),
      sources: models.flatMap((m) => m.sources),
      logo: null,
    };
    const svgs = models.map((m) => slideSvg(m));
    const floor = await timeAsync(() => Buffer.from(svgs.join('\n')));
    const nodes = models.reduce((n, m) => n + m.nodes.length, 0);
    const edges = models.reduce((n, m) => n + m.edges.length, 0);

    const big = view(
      99,
      ids
        .filter((id) => id.startsWith('nation:'))
        .slice(0, 250)
        .concat(alliances.slice(0, 50)),
      '2000-06-01',
    );
    const bigModel = (await slideModel(store, big, undefined, frame(0), '2026-01-01')).model;

    console.log(
      `bench:briefings, ${RUNS} runs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )}; ten slides with ${nodes} nodes and ${edges} relationships in all; big view ${bigModel.nodes.length} nodes, ${bigModel.edges.length} relationships`,
    );
    console.log('| measurement | min / median / max (ms) | floor median (ms) | ratio |');
    console.log('|---|---|---|---|');
    const floorName = 'SVGs to a buffer';
    report('ten slide models from the store', await timeAsync(build), floor, floorName);
    report(
      'ten slide SVGs',
      await timeAsync(() => models.map((m) => slideSvg(m))),
      floor,
      floorName,
    );
    report('ten-slide deck to PDF', await timeAsync(() => deckPdf(deck)), floor, floorName);
    report('ten-slide deck to PPTX', await timeAsync(() => deckPptx(deck)), floor, floorName);
    report(
      `${bigModel.nodes.length}-node view to SVG`,
      await timeAsync(() => slideSvg(bigModel)),
      floor,
      floorName,
    );
    report(
      `${bigModel.nodes.length}-node view to PNG 3840x2160`,
      await timeAsync(() => svgToPng(slideSvg(bigModel, { world: 'cover' }), 3840)),
      floor,
      floorName,
    );
  } finally {
    await close();
  }
}

await main();
