import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsActions } from '../../../client/actions/analytics-actions.js';
import { createCanvasActions } from '../../../client/actions/canvas-actions.js';
import { createTracker } from '../../../client/actions/track.js';
import { createApi } from '../../../client/api/client.js';
import { createAnalyticsStores } from '../../../client/state/analytics.js';
import { createStores } from '../../../client/state/stores.js';
import {
  AlignmentResponseSchema,
  AlignmentSeriesResponseSchema,
} from '../../../server/contract/analytics.js';
import { routes } from '../../../server/contract/routes.js';
import { tinyApp } from '../../helpers/api.js';

// The panel's actions against the real app on the tiny seeds, over real HTTP.
let server: Server;
let base = '';
let app: Awaited<ReturnType<typeof tinyApp>>;

beforeAll(async () => {
  app = await tinyApp();
  server = createServer(app.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.store.close();
});

function setUp(asOf = '2020-06-01') {
  const api = createApi((input, init) => fetch(`${base}${String(input)}`, init));
  const s = createStores(asOf);
  const as = createAnalyticsStores();
  const track = createTracker(s);
  const canvas = createCanvasActions(api, s, track);
  const a = createAnalyticsActions(api.analytics, s, as, canvas, track);
  return { s, as, canvas, a };
}

describe('analytics actions', () => {
  it('read the matrix for the nations on the canvas, as the route answers it', async () => {
    const { s, as, canvas, a } = setUp();
    await canvas.addNodes(['nation:FRA', 'nation:USA', 'nation:IND', 'alliance:nato']);
    a.open('alignment');
    await a.loadAlignment();
    expect(s.$request.get()).toEqual({ type: 'idle' });
    const got = as.$alignment.get();
    const res = await app
      .http()
      .get(routes.alignment.path)
      .query({ nations: 'nation:FRA,nation:USA,nation:IND', asOf: '2020-06-01' });
    expect(res.status).toBe(200);
    expect(got).toEqual(AlignmentResponseSchema.parse(res.body));
    expect(got?.pairs).toHaveLength(3);
  });

  it('chart a pair from the year asked to the as-of year', async () => {
    const { as, a } = setUp();
    await a.loadSeries('nation:FRA', 'nation:USA', 1990);
    const series = AlignmentSeriesResponseSchema.parse(as.$series.get());
    expect(series.points[0]?.year).toBe(1990);
    expect(series.points.at(-1)?.year).toBe(2020);
    expect(as.$pair.get()).toEqual({ a: 'nation:FRA', b: 'nation:USA', from: 1990 });
  });

  it('leave the last answer in place and report a refusal through the request status', async () => {
    const { s, as, canvas, a } = setUp();
    await canvas.addNodes(['nation:FRA', 'nation:USA']);
    await a.loadAlignment();
    const before = as.$alignment.get();
    expect(before).not.toBe(null);
    await a.loadRanking('nation:XXX');
    expect(s.$request.get().type).toBe('error');
    expect(as.$ranking.get()).toBe(null);
    expect(as.$alignment.get()).toBe(before);
  });

  it('compare a scenario only once it has a change', async () => {
    const { s, as, a } = setUp();
    await a.runWhatIf();
    expect(as.$scenarioDiff.get()).toBe(null);
    expect(s.$request.get()).toEqual({ type: 'idle' });
    a.addChange({ op: 'removeMembership', nation: 'nation:FRA', treaty: 'alliance:nato' });
    await a.runWhatIf();
    expect(s.$request.get()).toEqual({ type: 'idle' });
    expect(as.$scenarioDiff.get()?.scenario.changes).toEqual([
      { op: 'removeMembership', nation: 'nation:FRA', treaty: 'alliance:nato' },
    ]);
  });

  it('keep the scenario for a saved view and put back only a valid one', async () => {
    const { as, a } = setUp();
    expect(a.keptScenario()).toBeUndefined();
    const leave = {
      op: 'removeMembership',
      nation: 'nation:FRA',
      treaty: 'alliance:nato',
    } as const;
    a.addChange(leave);
    await a.runWhatIf();
    expect(as.$scenarioDiff.get()).not.toBe(null);
    expect(a.keptScenario()).toEqual({ changes: [leave] });
    // An edit drops the comparison, which was of the scenario before it.
    a.removeChange(0);
    expect(as.$scenarioDiff.get()).toBe(null);
    expect(a.keptScenario()).toBeUndefined();

    // Restored without showing: the scenario is back, nothing is compared (the drawer is shut).
    await a.restoreScenario({ name: 'France leaves', changes: [leave] }, false);
    expect(as.$scenario.get()).toEqual({ name: 'France leaves', changes: [leave] });
    expect(as.$scenarioDiff.get()).toBe(null);
    expect(as.$analyticsOpen.get()).toBe(false);
    // Shown: the What-if tab opens and compares it.
    await a.restoreScenario({ changes: [leave] }, true);
    expect(as.$analyticsTab.get()).toBe('whatif');
    expect(as.$scenarioDiff.get()?.scenario.changes).toEqual([leave]);
    // A value that is not a scenario (views once kept any JSON) leaves none.
    for (const bad of [undefined, { remove: ['nation:FRA'] }, { changes: [] }]) {
      await a.restoreScenario(bad, true);
      expect(as.$scenario.get().changes).toEqual([]);
      expect(as.$scenarioDiff.get()).toBe(null);
    }
  });

  it('ask nothing outside the layer and say why', async () => {
    const { s, as, canvas, a } = setUp('2024-01-01');
    s.$layer.set('atop');
    await canvas.addNodes(['nation:FRA', 'nation:USA']);
    await a.loadAlignment();
    expect(as.$alignment.get()).toBe(null);
    expect(s.$request.get().type).not.toBe('error');
  });
});
