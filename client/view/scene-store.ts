import { atom, computed } from 'nanostores';
import type { AnalyticsStores } from '../state/analytics.js';
import { emphasisOf } from '../state/analytics-emphasis.js';
import { edgesInLayer } from '../state/layer.js';
import type { Stores } from '../state/stores.js';
import { buildScene } from './elements.js';
import { legendFor } from './legend-model.js';
import { hullColour } from './palette-hulls.js';

/** The derived scene and legend: recomputed whenever a slice they read changes. */
export function sceneStores(
  s: Stores,
  as?: Pick<AnalyticsStores, '$star' | '$metric' | '$structure'>,
) {
  const $document = computed(s.$canvas, (h) => h.present);
  const $star = as?.$star ?? atom(null);
  const $emphasis = as
    ? computed([as.$metric, as.$structure], emphasisOf)
    : atom<ReturnType<typeof emphasisOf>>(null);
  const $layerEdges = computed([s.$edges, s.$layer], edgesInLayer);
  const $scene = computed(
    [
      $document,
      $layerEdges,
      s.$asOf,
      s.$compareFrom,
      s.$filters,
      s.$view,
      s.$sizeBy,
      s.$overlapShown,
      s.$path,
      s.$flash,
      s.$tieFilter,
      $star,
      $emphasis,
    ],
    (
      canvas,
      edges,
      asOf,
      compareFrom,
      filters,
      view,
      sizeBy,
      overlap,
      path,
      flash,
      ties,
      star,
      emphasis,
    ) =>
      buildScene({
        canvas,
        edges,
        asOf,
        compareFrom,
        filters,
        view,
        sizeBy,
        overlap,
        path,
        flash,
        ties,
        star,
        emphasis,
      }),
  );
  const $legend = computed(
    [$scene, s.$compareFrom, s.$asOf, s.$overlapShown, s.$tieFilter, s.$sizeBy],
    (scene, from, asOf, overlap, ties, sizeBy) =>
      legendFor(scene.elements, {
        compare: from ? { from, to: asOf } : undefined,
        hulls: overlap.map((o, i) => ({ text: o.name, colour: hullColour(i) })),
        ties,
        sizeBy,
      }),
  );
  return { $document, $scene, $legend };
}

export type SceneStores = ReturnType<typeof sceneStores>;
