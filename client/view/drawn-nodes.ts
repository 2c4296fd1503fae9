import type { Core } from 'cytoscape';

/** A node as it is drawn: position in model coordinates, fill colour and diameter. */
export interface DrawnNode {
  x: number;
  y: number;
  color?: string;
  size: number;
}

const hex = (n: number) =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/** `rgb(12, 34, 56)` (how cytoscape reports colours) as `#0c2238`; other forms as undefined. */
export function hexColour(css: string): string | undefined {
  if (/^#[0-9a-f]{6}$/i.test(css)) return css.toLowerCase();
  const m = /^rgba?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)/i.exec(css);
  return m ? `#${hex(Number(m[1]))}${hex(Number(m[2]))}${hex(Number(m[3]))}` : undefined;
}

/** Every drawn node by id, for data exports that keep the canvas's layout and styles. */
export function drawnNodes(cy: Core): Record<string, DrawnNode> {
  const out: Record<string, DrawnNode> = {};
  cy.nodes().forEach((n) => {
    const { x, y } = n.position();
    out[n.id()] = {
      x,
      y,
      color: hexColour(String(n.style('background-color'))),
      size: Math.max(n.width(), 1),
    };
  });
  return out;
}
