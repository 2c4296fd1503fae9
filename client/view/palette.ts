import type { NodeLabel, RelType } from '../../server/contract/index.js';

/**
 * The visual language, in one place so the stylesheet, the legend and the export agree:
 * colour by label, shape by kind, line style by relationship type. Colours are saturated and
 * dark enough to survive a washed-out projector on a light background.
 */
export const LABEL_COLOUR: Record<NodeLabel, string> = {
  Nation: '#1864ab',
  Alliance: '#d9480f',
  Agreement: '#5f3dc4',
  Contractor: '#087f5b',
};

export type Shape =
  | 'ellipse'
  | 'hexagon'
  | 'octagon'
  | 'round-rectangle'
  | 'rectangle'
  | 'diamond'
  | 'round-triangle'
  | 'star'
  | 'vee'
  | 'barrel'
  | 'tag'
  | 'cut-rectangle'
  | 'rhomboid'
  | 'round-tag'
  | 'concave-hexagon'
  | 'pentagon';

export const KIND_SHAPE: Record<string, Shape> = {
  'collective-defence': 'hexagon',
  'security-cooperation': 'octagon',
  'security-forum': 'round-rectangle',
  partnership: 'pentagon',
  'intelligence-sharing': 'diamond',
  'non-aggression': 'round-triangle',
  neutrality: 'barrel',
  entente: 'vee',
  organisation: 'rectangle',
  organ: 'cut-rectangle',
  treaty: 'rectangle',
  agreement: 'round-rectangle',
  protocol: 'cut-rectangle',
  memorandum: 'tag',
  declaration: 'rhomboid',
  'exchange-of-notes': 'round-tag',
  resolution: 'concave-hexagon',
};

export const LABEL_SHAPE: Record<NodeLabel, Shape> = {
  Nation: 'ellipse',
  Alliance: 'hexagon',
  Agreement: 'rectangle',
  Contractor: 'star',
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export const REL_STYLE: Record<RelType, { line: LineStyle; colour: string; arrow: boolean }> = {
  MEMBER_OF: { line: 'solid', colour: '#495057', arrow: false },
  PARTY_TO: { line: 'dashed', colour: '#7950f2', arrow: false },
  ESTABLISHES: { line: 'dotted', colour: '#5f3dc4', arrow: true },
  ADOPTED: { line: 'dotted', colour: '#862e9c', arrow: true },
  PART_OF: { line: 'solid', colour: '#e8590c', arrow: true },
  HEADQUARTERED_IN: { line: 'dashed', colour: '#868e96', arrow: true },
  SUPPLIES: { line: 'solid', colour: '#087f5b', arrow: true },
  SUCCEEDED_BY: { line: 'solid', colour: '#212529', arrow: true },
};

export const REL_TEXT: Record<RelType, string> = {
  MEMBER_OF: 'member of',
  PARTY_TO: 'party to',
  ESTABLISHES: 'establishes',
  ADOPTED: 'adopted',
  PART_OF: 'part of',
  HEADQUARTERED_IN: 'headquartered in',
  SUPPLIES: 'supplies',
  SUCCEEDED_BY: 'succeeded by',
};

export const CHANGE_COLOUR = { appeared: '#2b8a3e', ended: '#c92a2a', persisted: '#adb5bd' };
export const TIE_COLOUR = '#1864ab';
export const PATH_COLOUR = '#f08c00';
export const MULTI_COLOUR = '#e64980';
/** Facts of the imported ATOP layer: a dotted line and an outline in this colour. */
export const ATOP_COLOUR = '#5f3dc4';
/** Hull colours for chosen alliances (overlap view), distinct from the label colours. */
export const HULL_COLOURS = ['#fab005', '#15aabf', '#e64980', '#82c91e', '#7950f2', '#fd7e14'];

export const shapeFor = (label: NodeLabel, kind: string | undefined): Shape =>
  (label === 'Alliance' || label === 'Agreement') && kind && KIND_SHAPE[kind]
    ? (KIND_SHAPE[kind] as Shape)
    : LABEL_SHAPE[label];
