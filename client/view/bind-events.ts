import type { Core, EventObject } from 'cytoscape';

export interface CanvasHandlers {
  hover(id: string | null): void;
  select(id: string | null): void;
  expand(id: string): void;
  context(id: string, x: number, y: number): void;
}

/** Turns cy's pointer events into intents; the composition root decides what they do. */
export function bindEvents(cy: Core, h: CanvasHandlers): () => void {
  const over = (e: EventObject) => h.hover(e.target.id());
  const out = () => h.hover(null);
  const tap = (e: EventObject) => h.select(e.target === cy ? null : e.target.id());
  const dbl = (e: EventObject) => h.expand(e.target.id());
  const cxt = (e: EventObject) => {
    const p = e.renderedPosition ?? e.target.renderedPosition();
    h.select(e.target.id());
    h.context(e.target.id(), p.x, p.y);
  };
  cy.on('mouseover', 'node, edge', over);
  cy.on('mouseout', 'node, edge', out);
  cy.on('tap', tap);
  cy.on('dbltap', 'node', dbl);
  cy.on('cxttap', 'node', cxt);
  return () => {
    cy.off('mouseover', 'node, edge', over);
    cy.off('mouseout', 'node, edge', out);
    cy.off('tap', tap);
    cy.off('dbltap', 'node', dbl);
    cy.off('cxttap', 'node', cxt);
  };
}
