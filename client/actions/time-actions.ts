import { changeLines } from '../state/compare.js';
import { edgesAmong } from '../state/edges.js';
import type { Stores } from '../state/stores.js';
import { clampDate, isIsoDate, stepYear, toggledCompare } from '../state/time.js';
import { REL_TEXT } from '../view/palette.js';
import type { CanvasActions } from './canvas-actions.js';
import type { Track } from './track.js';

const FLASH_MS = 1800;
const PLAY_MS = 1200;

/** Moving through time: set the date, step, play, compare two dates. */
export function createTimeActions(
  s: Stores,
  canvas: CanvasActions,
  track: Track,
  onDateChanged: (date: string) => Promise<void>,
) {
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let playTimer: ReturnType<typeof setInterval> | undefined;

  /** Joins and exits between two dates, flashed on the canvas and written to the ticker. */
  function announce(from: string, to: string) {
    const c = s.$canvas.get().present;
    const edges = edgesAmong(s.$edges.get(), new Set(c.order));
    const lines = changeLines(edges, from, to);
    const name = (id: string) => c.nodes[id]?.name ?? id;
    s.$changeLog.set(
      lines.map((l) => {
        // Going back in time, say what had not happened yet rather than replay history.
        const forward = from <= to;
        const verb = forward ? l.change : l.change === 'joined' ? 'not yet in' : 'still in';
        const rel =
          l.type === 'MEMBER_OF' ? '' : ` (${REL_TEXT[l.type as keyof typeof REL_TEXT] ?? l.type})`;
        return `${name(l.source)} ${verb} ${name(l.target)}${rel}`;
      }),
    );
    if (s.$compareFrom.get()) return;
    const byEdge = new Map(lines.map((l) => [l.edgeId, l]));
    const diffIds = [...byEdge.keys()];
    // Forward in time a join appears, backward it disappears: flash what is drawn now.
    const nowHolds = (id: string) => {
      const l = byEdge.get(id);
      return l ? (l.change === 'joined') === from <= to : false;
    };
    s.$flash.set({
      joined: diffIds.filter(nowHolds),
      exited: diffIds.filter((id) => !nowHolds(id)),
    });
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => s.$flash.set({ joined: [], exited: [] }), FLASH_MS);
  }

  async function setDate(date: string) {
    if (!isIsoDate(date)) return;
    const next = clampDate(date, s.today);
    const prev = s.$asOf.get();
    if (next === prev) return;
    s.$asOf.set(next);
    await track(`Loading ${next}`, async () => {
      await canvas.loadAmong(s.$canvas.get().present.order, next);
      await onDateChanged(next);
    });
    if (s.$asOf.get() === next) announce(prev, next);
  }

  async function setCompare(from: string | null) {
    if (from !== null && !isIsoDate(from)) return;
    s.$compareFrom.set(from ? clampDate(from, s.today) : null);
    s.$flash.set({ joined: [], exited: [] });
    if (from) {
      await track(`Loading ${from} for comparison`, () =>
        canvas.loadAmong(s.$canvas.get().present.order, from),
      );
    }
  }

  function stop() {
    clearInterval(playTimer);
    playTimer = undefined;
    s.$playing.set(false);
  }

  return {
    setDate,
    step: (years: number) => setDate(stepYear(s.$asOf.get(), years, s.today)),
    togglePlay() {
      if (playTimer) return stop();
      // Playing from today would end at once: start from the earliest relationship instead.
      if (s.$asOf.get() >= stepYear(s.today, -1, s.today)) void setDate('1945-01-01');
      s.$playing.set(true);
      playTimer = setInterval(() => {
        const next = stepYear(s.$asOf.get(), 1, s.today);
        if (next === s.$asOf.get()) return stop();
        void setDate(next);
      }, PLAY_MS);
    },
    stop,
    setCompare,
    /** A notice's way out: go to a date, then expand a node there. */
    async jump(j: { date: string; expand?: string }) {
      s.$notice.set(null);
      await setDate(j.date);
      if (j.expand) await canvas.expand(j.expand);
    },
    /** The C shortcut: compare with ten years back, or stop comparing. */
    toggleCompare: () => setCompare(toggledCompare(s.$asOf.get(), s.$compareFrom.get(), s.today)),
  };
}

export type TimeActions = ReturnType<typeof createTimeActions>;
