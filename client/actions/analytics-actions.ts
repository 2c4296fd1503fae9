import {
  ALIGNMENT_MAX_NATIONS,
  LAYER_RANGE,
  ScenarioSchema,
} from '../../server/contract/analytics.js';
import type { AnalyticsStores, AnalyticsTab, StructureFilters } from '../state/analytics.js';
import type {
  AlignmentRanking,
  AlignmentResult,
  AlignmentSeries,
  NodeMetric,
  ObligationsResult,
  Scenario,
  ScenarioChange,
  ScenarioDiff,
  StructureMetric,
  StructureResult,
} from '../state/analytics-model.js';
import { analyticsLayer, outOfRange } from '../state/analytics-model.js';
import { addChange, emptyScenario, removeChange, scenarioOf } from '../state/analytics-scenario.js';
import { existsOn } from '../state/lifetime.js';
import type { Canvas } from '../state/model.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

/**
 * The analytics routes as the panel calls them (api/client.ts implements it from the
 * contract; the layer is the explorer's, added by the client).
 */
export interface AnalyticsApi {
  alignment(q: { nations: string[]; asOf: string; weighted: boolean }): Promise<AlignmentResult>;
  alignmentSeries(q: { a: string; b: string; from: number; to: number }): Promise<AlignmentSeries>;
  alignmentRanking(q: {
    nation: string;
    asOf: string;
    weighted: boolean;
  }): Promise<AlignmentRanking>;
  obligations(q: { nation: string; asOf: string }): Promise<ObligationsResult>;
  structure(
    q: { asOf: string; metric: StructureMetric } & StructureFilters,
  ): Promise<StructureResult>;
  whatIf(q: { scenario: Scenario; asOf: string }): Promise<ScenarioDiff>;
}

/** The year the pair chart starts at unless the analyst picks another. */
export const SERIES_FROM_YEAR = 1990;

/** Nations on the canvas, in canvas order. */
export function canvasNations(c: Canvas): string[] {
  return c.order.filter((id) => c.nodes[id]?.label === 'Nation');
}

/**
 * Analytics verbs: each reads the server's answer for the current date and layer into its
 * store through `track`, so request status is set in the one usual place.
 */
export function createAnalyticsActions(
  api: AnalyticsApi,
  s: Stores,
  as: AnalyticsStores,
  canvas: Pick<CanvasActions, 'addNodes'>,
  track: Track,
) {
  const nations = () => canvasNations(s.$canvas.get().present);
  /** The as-of year, within the layer's range (ATOP ends in 2018). */
  const year = () => {
    const end = LAYER_RANGE[analyticsLayer(s.$layer.get())].to;
    const asOf = s.$asOf.get();
    return Number((end && asOf > end ? end : asOf).slice(0, 4));
  };

  /** True when the date lies outside the layer: the panel says so and nothing is asked. */
  const outside = () => outOfRange(s.$layer.get(), s.$asOf.get()) !== null;

  async function loadAlignment() {
    if (outside()) return;
    // States that do not exist on the date have no portfolio to compare.
    const c = s.$canvas.get().present;
    const asOf = s.$asOf.get();
    const ids = nations()
      .filter((id) => {
        const n = c.nodes[id];
        return n !== undefined && existsOn(n, asOf);
      })
      .slice(0, ALIGNMENT_MAX_NATIONS);
    if (ids.length < 2) {
      as.$alignment.set(null);
      return;
    }
    const res = await track('Reading alignment', () =>
      api.alignment({ nations: ids, asOf, weighted: as.$weighted.get() }),
    );
    if (res) as.$alignment.set(res);
  }

  async function loadSeries(a: string, b: string, from = SERIES_FROM_YEAR) {
    as.$pair.set({ a, b, from });
    const to = Math.max(from, year());
    const res = await track('Reading the pair over time', () =>
      api.alignmentSeries({ a, b, from, to }),
    );
    if (res) as.$series.set(res);
  }

  async function loadRanking(nation: string) {
    if (outside()) return;
    const res = await track('Ranking every state', () =>
      api.alignmentRanking({ nation, asOf: s.$asOf.get(), weighted: as.$weighted.get() }),
    );
    if (res) as.$ranking.set(res);
  }

  async function loadObligations(nation: string) {
    if (outside()) return;
    const res = await track('Reading obligations', () =>
      api.obligations({ nation, asOf: s.$asOf.get() }),
    );
    if (res) as.$obligations.set(res);
  }

  /** X and its defenders (and, if asked, their own defenders) on the canvas, as a star. */
  async function drawStar(twoSteps = false) {
    const o = as.$obligations.get();
    if (!o) return;
    const rays = new Map<string, 1 | 2>();
    for (const d of o.defenders) if (d.id !== o.nation.id) rays.set(d.id, 1);
    if (twoSteps) {
      for (const d of o.secondStep) if (!rays.has(d.id) && d.id !== o.nation.id) rays.set(d.id, 2);
    }
    await canvas.addNodes([o.nation.id, ...rays.keys()]);
    as.$star.set({ centre: o.nation.id, rays: [...rays].map(([id, step]) => ({ id, step })) });
  }

  async function loadStructure() {
    const metric = as.$metric.get();
    if (metric === null) {
      as.$structure.set(null);
      return;
    }
    if (outside()) return;
    const res = await track('Measuring the nation ties', () =>
      api.structure({
        asOf: s.$asOf.get(),
        metric: metric === 'community' ? 'betweenness' : metric,
        ...as.$structureFilters.get(),
      }),
    );
    if (res) as.$structure.set(res);
  }

  async function runWhatIf() {
    const scenario = scenarioOf(as.$scenario.get());
    if (!scenario) {
      as.$scenarioDiff.set(null);
      return;
    }
    if (outside()) return;
    const res = await track('Comparing the scenario', () =>
      api.whatIf({ scenario, asOf: s.$asOf.get() }),
    );
    if (res) as.$scenarioDiff.set(res);
  }

  /** What the open tab shows, read again (on opening, and on a date or layer change). */
  async function refresh() {
    if (!as.$analyticsOpen.get()) return;
    const tab = as.$analyticsTab.get();
    if (tab === 'alignment') {
      await loadAlignment();
      const pair = as.$pair.get();
      if (pair && as.$series.get()) await loadSeries(pair.a, pair.b, pair.from);
      const rank = as.$ranking.get();
      if (rank) await loadRanking(rank.nation.id);
    } else if (tab === 'obligations') {
      const o = as.$obligations.get();
      if (o) await loadObligations(o.nation.id);
      const star = as.$star.get();
      if (o && star) await drawStar(star.rays.some((r) => r.step === 2));
    } else if (tab === 'structure') {
      await loadStructure();
    } else if (as.$scenarioDiff.get()) {
      await runWhatIf();
    }
  }

  const open = (tab?: AnalyticsTab) => {
    if (tab) as.$analyticsTab.set(tab);
    as.$analyticsOpen.set(true);
    void refresh();
  };

  return {
    open,
    close: () => as.$analyticsOpen.set(false),
    toggle: () => (as.$analyticsOpen.get() ? as.$analyticsOpen.set(false) : open()),
    setTab: (tab: AnalyticsTab) => open(tab),
    setMeasure: (m: AnalyticsStores['$measure'] extends { get(): infer M } ? M : never) =>
      as.$measure.set(m),
    async setWeighted(on: boolean) {
      as.$weighted.set(on);
      await loadAlignment();
      const rank = as.$ranking.get();
      if (rank) await loadRanking(rank.nation.id);
    },
    loadAlignment,
    loadSeries,
    loadRanking,
    loadObligations,
    drawStar,
    clearStar: () => as.$star.set(null),
    async setMetric(metric: NodeMetric | null) {
      as.$metric.set(metric);
      await loadStructure();
    },
    async setStructureFilters(f: StructureFilters) {
      as.$structureFilters.set(f);
      await loadStructure();
    },
    /** Edits the scenario; the last comparison, now of another scenario, is dropped. */
    addChange: (c: ScenarioChange) => {
      as.$scenario.set(addChange(as.$scenario.get(), c));
      as.$scenarioDiff.set(null);
    },
    removeChange: (i: number) => {
      as.$scenario.set(removeChange(as.$scenario.get(), i));
      as.$scenarioDiff.set(null);
    },
    runWhatIf,
    /** The scenario a saved view keeps: the one being built, or undefined while it has no change. */
    keptScenario: (): Scenario | undefined => scenarioOf(as.$scenario.get()) ?? undefined,
    /**
     * Puts back the scenario a saved view kept (none when it kept none, or kept a value that
     * is not a scenario, as views saved before scenarios were checked may), and drops the last
     * comparison. `show` opens the What-if tab and compares it against the view's date.
     */
    async restoreScenario(raw: unknown, show: boolean) {
      const parsed = ScenarioSchema.safeParse(raw);
      as.$scenario.set(parsed.success ? parsed.data : emptyScenario);
      as.$scenarioDiff.set(null);
      if (!parsed.success) return;
      if (show) {
        as.$analyticsTab.set('whatif');
        as.$analyticsOpen.set(true);
      }
      if (as.$analyticsOpen.get() && as.$analyticsTab.get() === 'whatif') await runWhatIf();
    },
    refresh,
    /** Re-reads the open tab on a date or layer change, the matrix when the nations change. */
    follow(): () => void {
      let last = nations().join(',');
      const offs = [
        s.$asOf.listen(() => void refresh()),
        s.$layer.listen(() => void refresh()),
        s.$canvas.listen(() => {
          const now = nations().join(',');
          if (now === last) return;
          last = now;
          if (as.$analyticsOpen.get() && as.$analyticsTab.get() === 'alignment') {
            void loadAlignment();
          }
        }),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
  };
}

export type AnalyticsActions = ReturnType<typeof createAnalyticsActions>;
