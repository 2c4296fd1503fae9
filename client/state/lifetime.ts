import type { GraphNode } from '../../server/contract/index.js';
import { stepYear } from './time.js';

/** When a node existed: a state's statehood, an alliance's founding and dissolution, ... */
export interface Lifetime {
  start?: string;
  end?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function lifetimeOf(n: GraphNode): Lifetime {
  const p = n.properties;
  return {
    start: str(p.since) ?? str(p.founded) ?? str(p.inForce) ?? str(p.signed),
    end: str(p.until) ?? str(p.dissolved) ?? str(p.ended),
  };
}

/** Whether a node exists on the date (former states and dissolved alliances are faded). */
export function existsOn(n: GraphNode, date: string): boolean {
  const { start, end } = lifetimeOf(n);
  return (!start || start <= date) && (!end || date < end);
}

/** "1955-05-14 – 1991-07-01", "from 1991-06-25", "until 1990-10-03". */
export function lifetimeText({ start, end }: Lifetime): string {
  if (start && end) return `${start} – ${end}`;
  if (start) return `from ${start}`;
  return end ? `until ${end}` : 'at no recorded time';
}

/**
 * A date inside the lifetime to jump to from `asOf`: a year before the end when `asOf` is
 * after it (the alliance at its last full strength), its start when `asOf` is before it.
 */
export function dateInside({ start, end }: Lifetime, asOf: string, today: string): string | null {
  if (start && asOf < start) return start;
  if (end && asOf >= end) {
    const back = stepYear(end, -1, today);
    return start && back < start ? start : back;
  }
  return null;
}
