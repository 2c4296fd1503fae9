const MINOR = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'et', 'to', '&']);

/**
 * Whether `acronym` abbreviates `name`: every significant word of the name gives its first
 * letter, in order, and further letters may come from inside the current word (SEATO:
 * South-East Asia Treaty Organization). "WTO" does not abbreviate "Warsaw Pact".
 */
export function abbreviates(acronym: string, name: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z0-9-]/g, ''))
    .filter((w) => w !== '' && !MINOR.has(w));
  // match(i, w, c): letters[i..] from word w, having used its characters up to c.
  const match = (i: number, w: number, c: number): boolean => {
    if (i === letters.length) return w === words.length - 1 || words.length === 0;
    const ch = letters[i];
    const word = words[w];
    if (word) {
      for (let k = c + 1; k < word.length; k++) {
        if (word[k] === ch && match(i + 1, w, k)) return true;
      }
    }
    const next = words[w + 1];
    return !!next && next[0] === ch && match(i + 1, w + 1, 0);
  };
  return letters.length > 1 && match(0, -1, 0);
}

/** The label of an alliance or agreement: an acronym alias that abbreviates its name, else the name. */
export function shortName(name: string, aliases: unknown): string {
  const list = Array.isArray(aliases)
    ? aliases.filter((a): a is string => typeof a === 'string')
    : [];
  return list.find((a) => /^[A-Z][A-Z0-9-]{1,9}$/.test(a) && abbreviates(a, name)) ?? name;
}
