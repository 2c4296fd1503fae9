import {
  NODE_LABELS,
  type NodeLabel,
  REL_TYPES,
  type RelType,
} from '../../server/contract/index.js';
import { type ElementDef, milexSize } from './elements.js';
import {
  ATOP_COLOUR,
  CHANGE_COLOUR,
  LABEL_COLOUR,
  type LineStyle,
  MULTI_COLOUR,
  PATH_COLOUR,
  REL_STYLE,
  REL_TEXT,
  type Shape,
  TIE_COLOUR,
} from './palette.js';

export type LegendEntry =
  | { type: 'node'; text: string; colour: string; shape: Shape }
  | { type: 'edge'; text: string; colour: string; line: LineStyle; width: number }
  | { type: 'mark'; text: string; colour: string }
  /** A size key: circles drawn at the diameters the canvas gives these amounts at 100 % zoom. */
  | { type: 'sizes'; text: string; colour: string; items: { text: string; diameter: number }[] };

export interface LegendSection {
  title: string;
  entries: LegendEntry[];
}

/** The reference amounts of the spending size key, in US$ billions a year. */
export const MILEX_KEY_BN = [1, 10, 100, 900] as const;

const CHANGE_TEXT = {
  appeared: 'appeared',
  ended: 'ended',
  persisted: 'persisted',
} as const;

/**
 * The legend is computed from the elements about to be drawn, never from a fixed list, so
 * it always matches the canvas (and the export, which uses the same function).
 */
const tieNote = (t?: { minWeight: number; topK: number }) => {
  if (!t) return '';
  const parts = [
    t.minWeight > 1 ? `≥${t.minWeight}` : '',
    Number.isFinite(t.topK) ? `top ${t.topK} each` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
};

export function legendFor(
  elements: readonly ElementDef[],
  opts: {
    compare?: { from: string; to: string };
    hulls?: { text: string; colour: string }[];
    /** The nation-ties thinning, said in the tie entry so the legend is complete. */
    ties?: { minWeight: number; topK: number };
    /** Sized by military spending: a key of diameters for reference amounts. */
    sizeBy?: 'degree' | 'milex';
  } = {},
): LegendSection[] {
  const { compare } = opts;
  const labels = new Map<NodeLabel, Map<string, Shape>>();
  const rels = new Set<RelType>();
  const classes = new Set<string>();
  for (const el of elements) {
    for (const c of el.classes.split(' ')) classes.add(c);
    if (el.group === 'nodes') {
      const label = el.data.label as NodeLabel;
      const kinds = labels.get(label) ?? new Map<string, Shape>();
      kinds.set(String(el.data.kind ?? ''), el.data.shape as Shape);
      labels.set(label, kinds);
    } else if (el.data.type !== 'TIE') {
      rels.add(el.data.type as RelType);
    }
  }
  const sections: LegendSection[] = [];
  const nodeEntries: LegendEntry[] = [];
  for (const label of NODE_LABELS) {
    const kinds = labels.get(label);
    if (!kinds) continue;
    for (const [kind, shape] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
      const text = kind ? `${label} · ${kind}` : label;
      nodeEntries.push({ type: 'node', text, colour: LABEL_COLOUR[label], shape });
    }
  }
  if (nodeEntries.length) sections.push({ title: 'Nodes', entries: nodeEntries });
  const edgeEntries: LegendEntry[] = REL_TYPES.filter((t) => rels.has(t)).map((t) => ({
    type: 'edge',
    text: REL_TEXT[t],
    colour: REL_STYLE[t].colour,
    line: REL_STYLE[t].line,
    width: 3,
  }));
  if (classes.has('tie')) {
    edgeEntries.push({
      type: 'edge',
      text: `ties: n shared groupings${tieNote(opts.ties)}`,
      colour: TIE_COLOUR,
      line: 'solid',
      width: 5,
    });
  }
  if (edgeEntries.length) sections.push({ title: 'Relationships', entries: edgeEntries });
  const changes: LegendEntry[] = (['appeared', 'ended', 'persisted'] as const)
    .filter((c) => classes.has(c))
    .map((c) => ({
      type: 'edge',
      text: compare ? `${CHANGE_TEXT[c]} ${compare.from} → ${compare.to}` : CHANGE_TEXT[c],
      colour: CHANGE_COLOUR[c],
      line: c === 'ended' ? 'dashed' : 'solid',
      width: c === 'persisted' ? 2 : 5,
    }));
  if (changes.length) sections.push({ title: 'Compare', entries: changes });
  const marks: LegendEntry[] = [];
  if (classes.has('joined'))
    marks.push({ type: 'mark', text: 'began at this step', colour: CHANGE_COLOUR.appeared });
  if (classes.has('exited'))
    marks.push({ type: 'mark', text: 'ended at this step', colour: CHANGE_COLOUR.ended });
  if (classes.has('multi'))
    marks.push({ type: 'mark', text: 'in several chosen alliances', colour: MULTI_COLOUR });
  if (classes.has('on-path'))
    marks.push({ type: 'mark', text: 'shortest path', colour: PATH_COLOUR });
  if (classes.has('atop'))
    marks.push({ type: 'mark', text: 'ATOP 5.1 layer (dotted)', colour: ATOP_COLOUR });
  if (classes.has('pinned')) marks.push({ type: 'mark', text: 'pinned', colour: '#212529' });
  if (classes.has('defunct'))
    marks.push({ type: 'mark', text: 'not in existence on this date', colour: '#adb5bd' });
  if (marks.length) sections.push({ title: 'Marks', entries: marks });
  const hulls = (opts.hulls ?? []).map((h): LegendEntry => ({ type: 'mark', ...h }));
  if (hulls.length) sections.push({ title: 'Alliance hulls', entries: hulls });
  if (opts.sizeBy === 'milex' && labels.has('Nation')) {
    sections.push({
      title: 'Nation size: military spending',
      entries: [
        {
          type: 'sizes',
          text: 'true size at 100 % zoom, US$ a year',
          colour: LABEL_COLOUR.Nation,
          items: MILEX_KEY_BN.map((bn) => ({
            text: `${bn} bn`,
            diameter: milexSize(bn * 1000),
          })),
        },
        { type: 'mark', text: `no figure: ${milexSize(null)} px circle`, colour: '#868e96' },
      ],
    });
  }
  return sections;
}
