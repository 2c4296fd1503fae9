/**
 * Appends `items` to `into` one at a time: `into.push(...items)` passes every item as an
 * argument and overflows the call stack past about a hundred thousand of them.
 */
export function append<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}
