import type { GraphEdge, GraphNode } from '../../contract/graph.js';

/** A GEXF spell: both ends inclusive, dates as YYYY-MM-DD; an absent end is open. */
export interface Spell {
  start?: string;
  end?: string;
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dateProp(props: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = props[name];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  }
  return undefined;
}

/**
 * A relationship's spell. Entente's `until` is exclusive (the relationship no longer holds on
 * that day) and GEXF's `end` inclusive, so `end` is the day before `until`; with
 * timeformat="date" that is the same interval.
 */
export function edgeSpell(edge: GraphEdge): Spell {
  const start = dateProp(edge.properties, 'since');
  const until = dateProp(edge.properties, 'until');
  const end = until ? dayBefore(until) : undefined;
  return { start, end: end && start && end < start ? start : end };
}

/** A node's own dates: statehood for nations, founding and dissolution, signature and end. */
function ownSpell(node: GraphNode): { start?: string; until?: string } {
  const p = node.properties;
  switch (node.label) {
    case 'Nation':
      return { start: dateProp(p, 'since'), until: dateProp(p, 'until') };
    case 'Agreement':
      return { start: dateProp(p, 'signed', 'adopted', 'inForce'), until: dateProp(p, 'ended') };
    default:
      return { start: dateProp(p, 'founded'), until: dateProp(p, 'dissolved') };
  }
}

/**
 * Each node's spell: its own dates (until exclusive, as for relationships), widened to cover
 * every spell of its relationships in the export so Gephi never draws an edge without its
 * ends. A node with no start (or no end) is open on that side.
 */
export function nodeSpells(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const spells = new Map<string, Spell>();
  for (const node of nodes) {
    const own = ownSpell(node);
    spells.set(node.id, { start: own.start, end: own.until ? dayBefore(own.until) : undefined });
  }
  const widen = (id: string, s: Spell, open: { start: boolean; end: boolean }) => {
    const spell = spells.get(id);
    if (!spell) return;
    if (spell.start !== undefined && (open.start || (s.start && s.start < spell.start))) {
      spell.start = open.start ? undefined : s.start;
    }
    if (spell.end !== undefined && (open.end || (s.end && s.end > spell.end))) {
      spell.end = open.end ? undefined : s.end;
    }
  };
  for (const edge of edges) {
    const s = edgeSpell(edge);
    const open = { start: s.start === undefined, end: s.end === undefined };
    widen(edge.source, s, open);
    widen(edge.target, s, open);
  }
  for (const spell of spells.values()) {
    if (spell.start && spell.end && spell.end < spell.start) spell.end = spell.start;
  }
  return spells;
}
