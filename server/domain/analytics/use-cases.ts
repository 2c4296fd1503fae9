import {
  type AlignmentQuery,
  type AlignmentRankingQuery,
  type AlignmentRankingResponse,
  type AlignmentResponse,
  type AlignmentSeriesQuery,
  type AlignmentSeriesResponse,
  LAYER_RANGE,
  type ObligationsQuery,
  type ObligationsResponse,
  type StructureQuery,
  type StructureResponse,
  type WhatIfBody,
  type WhatIfResponse,
} from '../../contract/analytics.js';
import { AppError } from '../../lib/app-error.js';
import type { GraphStore } from '../../store/graph-store.js';
import { alignmentPairs, alignmentRanking, alignmentSeries } from './alignment.js';
import { layerDate, layerEnd, loadAnalyticsData, requireState } from './load.js';
import { obligationsOf } from './obligations.js';
import { pathChanges, scenarioFocus } from './path-changes.js';
import { structureOf } from './structure.js';
import { tieSystem } from './tie-levels.js';
import { tiesGraph } from './ties-graph.js';
import { applyScenario, whatIf } from './what-if.js';

/** The use cases behind /api/analytics/*: one store read per request, then pure computation. */

export async function alignment(store: GraphStore, q: AlignmentQuery): Promise<AlignmentResponse> {
  const asOf = layerDate(q.layer, q.asOf);
  const data = await loadAnalyticsData(store, q.layer);
  for (const id of q.nations) requireState(data, id);
  return alignmentPairs(data, q.nations, { asOf, weighted: q.weighted, allRoles: q.allRoles });
}

export async function alignmentRankingOf(
  store: GraphStore,
  q: AlignmentRankingQuery,
): Promise<AlignmentRankingResponse> {
  const asOf = layerDate(q.layer, q.asOf);
  const data = await loadAnalyticsData(store, q.layer);
  requireState(data, q.nation);
  return alignmentRanking(data, q.nation, { asOf, weighted: q.weighted, allRoles: q.allRoles });
}

export async function alignmentSeriesOf(
  store: GraphStore,
  q: AlignmentSeriesQuery,
): Promise<AlignmentSeriesResponse> {
  const first = Number(LAYER_RANGE[q.layer].from.slice(0, 4));
  const last = Number(layerEnd(q.layer).slice(0, 4));
  const from = q.from ?? first;
  const to = q.to ?? last;
  if (from < first || to > last)
    throw new AppError(
      'INVALID_REQUEST',
      `the ${q.layer} layer covers the years ${first} to ${last}`,
      {
        details: { from, to, first, last },
      },
    );
  const data = await loadAnalyticsData(store, q.layer);
  return alignmentSeries(data, q.a, q.b, { from, to, weighted: q.weighted, allRoles: q.allRoles });
}

export async function obligations(
  store: GraphStore,
  q: ObligationsQuery,
): Promise<ObligationsResponse> {
  const asOf = layerDate(q.layer, q.asOf);
  const data = await loadAnalyticsData(store, q.layer);
  requireState(data, q.nation);
  return obligationsOf(data, tieSystem(data, asOf, q.allRoles), q.nation);
}

export async function structure(store: GraphStore, q: StructureQuery): Promise<StructureResponse> {
  const asOf = layerDate(q.layer, q.asOf);
  const data = await loadAnalyticsData(store, q.layer);
  if (q.ego) requireState(data, q.ego);
  return structureOf(data, tieSystem(data, asOf, q.allRoles), q);
}

export async function whatIfOf(store: GraphStore, body: WhatIfBody): Promise<WhatIfResponse> {
  const asOf = layerDate(body.layer, body.asOf);
  const data = await loadAnalyticsData(store, body.layer);
  const diff = whatIf(data, body.scenario, {
    asOf,
    allRoles: body.allRoles,
    weighted: body.weighted,
    threshold: body.threshold,
  });
  const before = tieSystem(data, asOf, body.allRoles);
  const changed = applyScenario(data, body.scenario, asOf);
  const after = tieSystem(changed, asOf, body.allRoles);
  const paths = pathChanges(
    scenarioFocus(body.scenario, before),
    tiesGraph(data, before),
    tiesGraph(changed, after),
  );
  return { ...diff, paths };
}
