import { EXPAND_LIMIT, type Layer } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { ApiError } from '../api/http.js';
import { type AtopStores, atopTwinOf, noPhases, phasesOf } from '../state/atop-phases.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import { latestWins } from './latest.js';
import { messageOf, type Track } from './track.js';

const LAYER_NAME: Record<Layer, string> = {
  curated: 'curated data',
  atop: 'ATOP layer',
  all: 'curated data and the ATOP layer',
};

type Needs = Pick<Stores, '$layer' | '$asOf' | '$selection' | '$canvas'>;

/**
 * The data layer: switching it reloads the canvas's relationships and the selection's
 * memberships in the new layer; for a curated alliance with an ATOP twin, the twin's member
 * phases are kept in `$atopPhases` while the layer is ATOP or both.
 */
export function createLayerActions(
  api: Pick<Api, 'neighbourhood'>,
  s: Needs,
  as: AtopStores,
  deps: {
    canvas: Pick<CanvasActions, 'loadAmong'>;
    reloadMemberships(): void;
    track: Track;
    /** Analyses that read the layer too (overlaps, the path): asked again after the canvas. */
    refreshAnalyses(): Promise<void>;
  },
) {
  const latest = latestWins();

  async function loadPhases() {
    const id = s.$selection.get();
    const asOf = s.$asOf.get();
    const twin = atopTwinOf(id ? s.$canvas.get().present.nodes[id] : undefined);
    if (!id || !twin || s.$layer.get() === 'curated') {
      await latest(async () => undefined);
      as.$atopPhases.set(noPhases);
      return;
    }
    const now = as.$atopPhases.get();
    if (now.type !== 'none' && now.type !== 'loading' && now.id === id && now.asOf === asOf) return;
    as.$atopPhases.set({ type: 'loading', id, asOf });
    const out = await latest(() =>
      api.neighbourhood(twin, {
        asOf,
        depth: 1,
        rels: ['MEMBER_OF'],
        layer: 'atop',
        limit: EXPAND_LIMIT.max,
      }),
    );
    if (!out.latest) return;
    if (out.ok)
      as.$atopPhases.set({ type: 'phases', id, asOf, twin, phases: phasesOf(twin, out.value) });
    else if (out.error instanceof ApiError && out.error.code === 'NOT_FOUND')
      as.$atopPhases.set({ type: 'missing', id, asOf, twin });
    else as.$atopPhases.set({ type: 'error', id, asOf, message: messageOf(out.error) });
  }

  async function setLayer(layer: Layer) {
    if (s.$layer.get() === layer) return;
    s.$layer.set(layer);
    as.$atopPhases.set(noPhases);
    deps.reloadMemberships();
    void loadPhases();
    await deps.track(`Reading the ${LAYER_NAME[layer]}`, async () => {
      await deps.canvas.loadAmong(s.$canvas.get().present.order, s.$asOf.get());
      await deps.refreshAnalyses();
    });
  }

  /** Follows the selection and the date; returns dispose. */
  function follow(): () => void {
    const offs = [
      s.$selection.subscribe(() => void loadPhases()),
      s.$asOf.listen(() => void loadPhases()),
      s.$layer.listen(() => void loadPhases()),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  return { setLayer, loadPhases, follow };
}
