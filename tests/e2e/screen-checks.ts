import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The regions whose controls must all be reachable: header, panels, canvas overlays, time bar. */
export const CONTROL_REGIONS = [
  '.topbar',
  '.sidebar.left',
  '#details',
  '#canvas-wrap',
  '#console',
  '#timebar',
];

export interface ControlProblem {
  control: string;
  problem: string;
}

/**
 * Every visible button, input, select and textarea in the regions: scrolled into view inside
 * its own panel (the page itself never scrolls), fully inside the viewport, and the element
 * at its centre is the control or inside it (nothing covers it).
 */
// The checks run in the page; they are kept as source text because this file is compiled
// without DOM types.
const REACH_CHECK = `(roots) => {
  const problems = [];
  const name = (el) => {
    const id = el.id ? '#' + el.id : '';
    const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ??
      (el.textContent ?? '').trim().slice(0, 30);
    return el.tagName.toLowerCase() + id + ' "' + label + '"';
  };
  const selector = roots.map((r) => r + ' :is(button, input, select, textarea)').join(', ');
  const controls = [...document.querySelectorAll(selector)].filter((el) =>
    el.checkVisibility({ visibilityProperty: true }));
  for (const el of controls) {
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) {
      problems.push({ control: name(el), problem: 'has no size' });
      continue;
    }
    const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 &&
      r.bottom <= innerHeight + 0.5;
    if (!inside) {
      problems.push({ control: name(el), problem: 'outside the viewport at ' +
        [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') });
      continue;
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === el || el.contains(hit))) {
      problems.push({ control: name(el), problem: 'covered by ' + (hit ? name(hit) : 'nothing') });
    }
  }
  return { checked: controls.length, problems };
}`;

const SIDEWAYS_CHECK = `() => {
  const out = [];
  if (window.scrollX !== 0) out.push('window.scrollX = ' + window.scrollX);
  for (const el of document.querySelectorAll('*')) {
    if (el.scrollLeft === 0) continue;
    const ox = getComputedStyle(el).overflowX;
    // Tables and editors that scroll sideways by design keep their own scrollbars.
    if (ox === 'auto' || ox === 'scroll') continue;
    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className +
      ' scrollLeft=' + el.scrollLeft);
  }
  return out;
}`;

/**
 * Every visible button, input, select and textarea in the regions: scrolled into view inside
 * its own panel (the page itself never scrolls), fully inside the viewport, and the element
 * at its centre is the control or inside it (nothing covers it).
 */
export function unreachableControls(
  page: Page,
  regions = CONTROL_REGIONS,
): Promise<{ checked: number; problems: ControlProblem[] }> {
  return page.evaluate(`(${REACH_CHECK})(${JSON.stringify(regions)})`) as Promise<{
    checked: number;
    problems: ControlProblem[];
  }>;
}

const OVERFLOW_CHECK = `(selectors) => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    out.push('page is ' + doc.scrollWidth + ' px wide in ' + doc.clientWidth);
  }
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    if (!el || !el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.right > innerWidth + 0.5) out.push(sel + ' ends at ' + Math.round(r.right));
    const ox = getComputedStyle(el).overflowX;
    if (ox !== 'auto' && ox !== 'scroll' && el.scrollWidth > el.clientWidth + 1) {
      out.push(sel + ' holds ' + el.scrollWidth + ' px in ' + el.clientWidth);
    }
  }
  return out;
}`;

/** The layout's columns and bars that would show content pushed past the right edge. */
export const LAYOUT_REGIONS = [
  '.topbar',
  '.layout',
  '.center',
  '#canvas-wrap',
  '.console',
  '.console-head',
  '#details',
  '#timebar',
];

/** Regions wider than the viewport or holding content wider than themselves (no sideways room). */
export function horizontalOverflow(page: Page, selectors = LAYOUT_REGIONS): Promise<string[]> {
  return page.evaluate(`(${OVERFLOW_CHECK})(${JSON.stringify(selectors)})`) as Promise<string[]>;
}

/** Elements scrolled sideways (the page, or any container that does not scroll on purpose). */
export function sidewaysScrolled(page: Page): Promise<string[]> {
  return page.evaluate(`(${SIDEWAYS_CHECK})()`) as Promise<string[]>;
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const result = (await page.evaluate(
    'window.axe.run(document, { resultTypes: ["violations"] })',
  )) as {
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
}

export interface LabelCheck {
  shown: number;
  hidden: number;
  /** Pairs of shown labels whose boxes intersect (touching edges do not count). */
  collisions: [string, string][];
}

/**
 * Node labels through the test hook (cytoscape's label boxes, model coordinates): how many
 * are shown and hidden, and which shown ones collide.
 */
export async function labelCollisions(page: Page): Promise<LabelCheck> {
  const boxes = (await page.evaluate('window.__entente.labelBoxes()')) as {
    id: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    shown: boolean;
  }[];
  const shown = boxes.filter((b) => b.shown);
  const collisions: [string, string][] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const p = shown[i];
      const q = shown[j];
      if (!p || !q) continue;
      const eps = 0.5;
      if (p.x1 < q.x2 - eps && q.x1 < p.x2 - eps && p.y1 < q.y2 - eps && q.y1 < p.y2 - eps) {
        collisions.push([p.id, q.id]);
      }
    }
  }
  return { shown: shown.length, hidden: boxes.length - shown.length, collisions };
}

/**
 * The drawn node nearest the middle of the canvas whose body is at least `minPx` across and
 * lies `inset` pixels inside the canvas edges (away from the overlays in its corners), in page
 * coordinates.
 */
export async function nodeNearCentre(
  page: Page,
  inset = { x: 0, y: 0 },
  minPx = 3,
): Promise<{ id: string; x: number; y: number }> {
  const canvas = await page.locator('#cy').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const boxes = (await page.evaluate('window.__entente.screenBoxes()')) as {
    id: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }[];
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  const off = (b: (typeof boxes)[number]) =>
    Math.hypot((b.x1 + b.x2) / 2 - cx, (b.y1 + b.y2) / 2 - cy);
  const found = boxes
    .filter(
      (b) =>
        b.x1 > canvas.x + inset.x &&
        b.x2 < canvas.x + canvas.width - inset.x &&
        b.y1 > canvas.y + inset.y &&
        b.y2 < canvas.y + canvas.height - inset.y &&
        b.x2 - b.x1 >= minPx,
    )
    .sort((a, b) => off(a) - off(b))[0];
  if (!found) throw new Error('no node inside the canvas');
  return { id: found.id, x: (found.x1 + found.x2) / 2, y: (found.y1 + found.y2) / 2 };
}
