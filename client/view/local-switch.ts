/** Whether localStorage `key` is set to `off` (the render bench's A/B switches; false without storage). */
export function switchedOff(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'off';
  } catch {
    return false;
  }
}
