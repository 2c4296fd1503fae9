import type { Core, NodeSingular } from 'cytoscape';

/** A label's box in model coordinates; a lower rank is more important. */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  rank: number;
}

/** Space kept between two shown labels, in model units. */
const LABEL_GAP = 2;
const CELL = 120;

/**
 * Greedy label placement: labels are taken most important first and one is hidden when its
 * box meets a label already shown. Pure: returns the ids to hide. Labels scale with the
 * canvas (font sizes are in model units), so the answer holds at every zoom.
 */
export function labelsToHide(boxes: readonly LabelBox[], gap = LABEL_GAP): Set<string> {
  const hidden = new Set<string>();
  // A uniform grid of shown boxes: a label is compared only with those in the cells it covers.
  const grid = new Map<string, LabelBox[]>();
  const cells = (b: LabelBox) => {
    const out: string[] = [];
    for (let cx = Math.floor((b.x1 - gap) / CELL); cx <= Math.floor((b.x2 + gap) / CELL); cx++) {
      for (let cy = Math.floor((b.y1 - gap) / CELL); cy <= Math.floor((b.y2 + gap) / CELL); cy++) {
        out.push(`${cx}:${cy}`);
      }
    }
    return out;
  };
  const meets = (p: LabelBox, q: LabelBox) =>
    p.x1 < q.x2 + gap && q.x1 < p.x2 + gap && p.y1 < q.y2 + gap && q.y1 < p.y2 + gap;
  const order = [...boxes].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  for (const b of order) {
    const mine = cells(b);
    if (mine.some((c) => grid.get(c)?.some((k) => meets(b, k)))) {
      hidden.add(b.id);
      continue;
    }
    for (const c of mine) {
      const list = grid.get(c);
      if (list) list.push(b);
      else grid.set(c, [b]);
    }
  }
  return hidden;
}

/** Alliances first, then other organisations, then agreements, then nations. */
const KIND_RANK: Record<string, number> = { Alliance: 0, Agreement: 2, Nation: 3 };

/**
 * The selected node first (its name always shows), then by kind (KIND_RANK), bigger before
 * smaller, busier before quieter.
 */
function rankOf(n: NodeSingular): number {
  if (n.selected()) return -1e9;
  const kind = KIND_RANK[String(n.data('label'))] ?? 1;
  const size = Number(n.data('size')) || 0;
  return kind * 1e6 - size * 1e3 - Math.min(999, n.degree(false));
}

/** A node's label box in model coordinates, or null for a node without a label. */
export function labelBox(n: NodeSingular): Omit<LabelBox, 'rank'> | null {
  if (!String(n.data('name') ?? '')) return null;
  const bb = n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
  if (!(bb.w > 0 && bb.h > 0)) return null;
  return { id: n.id(), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
}

/** Past this many nodes labels are not decluttered. */
export const DECLUTTER_MAX = 2000;

/**
 * Hides (class `label-off`) the labels that would collide with a more important one; the
 * node stays drawn and its name shows when it is selected. Re-run after a layout, a drag or
 * a scene change (names, sizes and filters move labels).
 */
export function declutterLabels(cy: Core): void {
  // Measuring every label is one long task on a large view; there labels show only when
  // zoomed in far enough to read (the stylesheet's min-zoomed-font-size).
  if (cy.nodes().length > DECLUTTER_MAX) return;
  const boxes: LabelBox[] = [];
  cy.nodes().forEach((n) => {
    const b = n.visible() ? labelBox(n) : null;
    if (b) boxes.push({ ...b, rank: rankOf(n) });
  });
  const hide = labelsToHide(boxes);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      if (hide.has(n.id())) n.addClass('label-off');
      else n.removeClass('label-off');
    });
  });
}
