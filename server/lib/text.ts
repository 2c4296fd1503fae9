/**
 * Folds text for matching: Unicode compatibility decomposition, diacritics removed, lower
 * case, dots dropped ("U.S." is "us"), other punctuation turned into single spaces.
 * "Côte d’Ivoire" and "cote d'ivoire" both fold to "cote d ivoire".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
