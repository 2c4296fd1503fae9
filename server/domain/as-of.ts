import { today } from '../contract/time.js';

/** The date a read is answered for: the one asked for, or today. */
export function resolveAsOf(asOf: string | undefined, now?: Date): string {
  return asOf ?? today(now);
}
