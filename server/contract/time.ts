/**
 * The time rule: a relationship holds on date D when since <= D and (until is null or D < until).
 * Dates are ISO `YYYY-MM-DD` strings, so string order is date order.
 */
export function holdsOn(spell: { since: string; until: string | null }, date: string): boolean {
  return spell.since <= date && (spell.until === null || date < spell.until);
}

/** Today's date as `YYYY-MM-DD` (UTC), the default `asOf`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
