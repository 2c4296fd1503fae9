import type { StylesheetJson } from 'cytoscape';
import { REL_TYPES } from '../../server/contract/index.js';
import {
  ATOP_COLOUR,
  CHANGE_COLOUR,
  LABEL_COLOUR,
  MULTI_COLOUR,
  PATH_COLOUR,
  REL_STYLE,
  TIE_COLOUR,
} from './palette.js';

/** The defence star's colour (analytics: who must defend X). */
const STAR_COLOUR = '#c2255c';
/** Centrality steps, light to dark; community colours after the hull palette's. */
const EMPHASIS_COLOURS = ['#d0e4f5', '#9cc5ea', '#5c9fdc', '#2b6cb8', '#123f7a'];
const COMMUNITY_PALETTE = [
  '#e8590c',
  '#2b8a3e',
  '#5f3dc4',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#495057',
  '#74b816',
];

/**
 * Level of detail: `bulk` (thousands of nodes) draws straight haystack edges without arrows
 * and plain labels that show only once legible; `full` is everything.
 */
export type Detail = 'full' | 'bulk';

/** Bulk detail's overrides, last in the sheet so they win over the type rules. */
const BULK_RULES: StylesheetJson = [
  {
    selector: 'node',
    style: { 'text-wrap': 'none', 'text-outline-width': 0, 'min-zoomed-font-size': 12 },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'haystack',
      'haystack-radius': 0,
      'target-arrow-shape': 'none',
      width: 1,
    },
  },
];

/**
 * Class-driven stylesheet: state decides classes (elements.ts), the stylesheet decides looks.
 * Labels get a white halo and stay legible at projector distance.
 */
export function stylesheet(detail: Detail = 'full'): StylesheetJson {
  const labelRules = Object.entries(LABEL_COLOUR).map(([label, colour]) => ({
    selector: `node.n-${label}`,
    style: { 'background-color': colour, 'border-color': colour },
  }));
  const relRules = REL_TYPES.map((t) => ({
    selector: `edge.r-${t}`,
    style: {
      'line-style': REL_STYLE[t].line,
      'line-color': REL_STYLE[t].colour,
      'target-arrow-color': REL_STYLE[t].colour,
      'target-arrow-shape': REL_STYLE[t].arrow ? 'triangle' : 'none',
    },
  }));
  // Analytics: nations sized and coloured by a centrality (five steps) or by community.
  const emphasisRules = [
    ...EMPHASIS_COLOURS.map((c, i) => ({
      selector: `node.metric-q${i}`,
      style: { 'background-color': c, 'border-color': '#10213a' },
    })),
    ...COMMUNITY_PALETTE.map((c, i) => ({
      selector: `node.comm-${i}`,
      style: { 'background-color': c, 'border-color': '#10213a' },
    })),
  ];
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(name)',
        'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
        'font-size': 13,
        'font-weight': 600,
        color: '#1c2430',
        'text-valign': 'bottom',
        'text-wrap': 'wrap',
        'text-max-width': '190px',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'min-zoomed-font-size': 7,
        'border-width': 2,
        'border-opacity': 1,
        'background-opacity': 0.92,
      },
    },
    ...labelRules,
    { selector: 'node.n-Alliance', style: { 'font-size': 15, 'font-weight': 700 } },
    { selector: 'node.defunct', style: { 'background-opacity': 0.35, 'border-style': 'dashed' } },
    {
      selector: 'node.atop',
      style: { 'border-width': 3, 'border-color': ATOP_COLOUR, 'border-style': 'dotted' },
    },
    {
      selector: 'node.pinned',
      style: { 'border-width': 4, 'border-color': '#212529', 'border-style': 'double' },
    },
    {
      selector: 'node.multi',
      style: { 'border-width': 6, 'border-color': MULTI_COLOUR, 'border-style': 'solid' },
    },
    {
      selector: 'edge',
      style: {
        width: 2.5,
        'curve-style': 'bezier',
        'arrow-scale': 1.1,
        opacity: 0.85,
      },
    },
    ...relRules,
    { selector: 'edge.role-minor', style: { width: 1.5, opacity: 0.6 } },
    { selector: 'edge.atop', style: { 'line-style': 'dotted', 'line-color': ATOP_COLOUR } },
    {
      selector: 'edge.tie',
      style: {
        'line-color': TIE_COLOUR,
        width: 'mapData(weight, 1, 12, 1.5, 14)',
        opacity: 'mapData(weight, 1, 12, 0.35, 0.9)',
        'curve-style': 'straight',
        label: 'data(weight)',
        'font-size': 11,
        'font-weight': 700,
        color: '#1c2430',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    {
      selector: 'edge.appeared',
      style: { 'line-color': CHANGE_COLOUR.appeared, 'line-style': 'solid', width: 5, opacity: 1 },
    },
    {
      selector: 'edge.ended',
      style: { 'line-color': CHANGE_COLOUR.ended, 'line-style': 'dashed', width: 4, opacity: 1 },
    },
    {
      selector: 'edge.persisted',
      style: { 'line-color': CHANGE_COLOUR.persisted, 'line-style': 'solid', width: 2 },
    },
    {
      selector: 'edge.joined',
      style: { 'line-color': CHANGE_COLOUR.appeared, width: 6, opacity: 1 },
    },
    {
      selector: 'edge.exited',
      style: { 'line-color': CHANGE_COLOUR.ended, 'line-style': 'dashed', width: 5, opacity: 0.9 },
    },
    { selector: '.off-path', style: { opacity: 0.18 } },
    {
      selector: 'node.on-path',
      style: { 'border-width': 6, 'border-color': PATH_COLOUR, 'z-index': 20 },
    },
    {
      selector: 'edge.on-path',
      style: { 'line-color': PATH_COLOUR, width: 7, opacity: 1, 'z-index': 20 },
    },
    // Hover and selection highlight: the neighbourhood stays, the rest recedes.
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
    // Labels that would collide with a more important one (view/labels.ts); a selected
    // node always shows its name.
    { selector: 'node.label-off', style: { 'text-opacity': 0 } },
    { selector: 'edge.hl', style: { opacity: 1, width: 4, 'z-index': 10 } },
    { selector: 'node.hl', style: { 'z-index': 10 } },
    {
      selector: 'node:selected',
      style: {
        'overlay-color': '#fab005',
        'overlay-opacity': 0.35,
        'overlay-padding': 8,
        'text-opacity': 1,
        'z-index': 30,
      },
    },
    { selector: 'edge:selected', style: { 'overlay-color': '#fab005', 'overlay-opacity': 0.3 } },
    ...emphasisRules,
    { selector: 'node.emphasis-none', style: { 'background-opacity': 0.3, width: 14, height: 14 } },
    // Who must defend X: arrows from each defender into X.
    {
      selector: 'edge.defends',
      style: {
        'line-color': STAR_COLOUR,
        'target-arrow-color': STAR_COLOUR,
        'target-arrow-shape': 'triangle',
        'line-style': 'solid',
        width: 3.5,
        opacity: 0.9,
        'z-index': 15,
      },
    },
    { selector: 'edge.defends.step2', style: { 'line-style': 'dashed', width: 2, opacity: 0.7 } },
    {
      selector: 'node.star-centre',
      style: { 'border-width': 6, 'border-color': STAR_COLOUR, 'z-index': 16 },
    },
    { selector: 'node.star-ray', style: { 'border-color': STAR_COLOUR, 'border-width': 3 } },
    ...(detail === 'bulk' ? BULK_RULES : []),
  ] as StylesheetJson;
}
