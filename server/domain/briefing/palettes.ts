import type { DeckTheme } from '../../contract/briefings.js';
import type { NodeLabel } from '../../contract/primitives.js';

/** The colours of one slide theme. Labels also differ by shape, so no theme needs colour alone. */
export interface Palette {
  background: string;
  text: string;
  muted: string;
  edge: string;
  ended: string;
  bannerFill: string;
  bannerText: string;
  nodeStroke: string;
  labels: Record<NodeLabel, string>;
}

/**
 * light prints on white; dark is for projectors; colour-blind uses the Okabe-Ito colours,
 * told apart with every common colour-vision deficiency.
 */
export const PALETTES: Record<DeckTheme, Palette> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#4a5360',
    edge: '#7b8794',
    ended: '#b42318',
    bannerFill: '#1b1f24',
    bannerText: '#ffffff',
    nodeStroke: '#ffffff',
    labels: { Nation: '#2563a8', Alliance: '#b8322a', Agreement: '#2f7d3a', Contractor: '#6b4fa0' },
  },
  dark: {
    background: '#10151c',
    text: '#eef2f6',
    muted: '#b5c0cc',
    edge: '#7f8b99',
    ended: '#ff8a80',
    bannerFill: '#eef2f6',
    bannerText: '#10151c',
    nodeStroke: '#10151c',
    labels: { Nation: '#6aa9ff', Alliance: '#ff7a6e', Agreement: '#6fd08c', Contractor: '#c3a6ff' },
  },
  'colour-blind': {
    background: '#ffffff',
    text: '#000000',
    muted: '#3d3d3d',
    edge: '#6e6e6e',
    ended: '#d55e00',
    bannerFill: '#000000',
    bannerText: '#ffffff',
    nodeStroke: '#ffffff',
    labels: { Nation: '#0072b2', Alliance: '#d55e00', Agreement: '#009e73', Contractor: '#cc79a7' },
  },
};
