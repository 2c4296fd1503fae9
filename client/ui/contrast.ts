/** sRGB channel (0–255) to linear light, as WCAG 2 defines relative luminance. */
const linear = (c: number) => {
  const v = c / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

export const luminance = ([r, g, b]: readonly [number, number, number]) =>
  0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

export const contrastRatio = (a: number, b: number) =>
  (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * A heat-map cell: `base` blended over white by `share` (0–1), with black or white text,
 * whichever contrasts more; the better of the two is always at least 4.5:1.
 */
export function heatCell(base: readonly [number, number, number], share: number) {
  const t = Math.max(0, Math.min(1, share));
  const rgb = base.map((c) => Math.round(255 + (c - 255) * t)) as [number, number, number];
  const l = luminance(rgb);
  const text = contrastRatio(l, 0) >= contrastRatio(l, 1) ? '#000' : '#fff';
  return { background: `rgb(${rgb.join(' ')})`, color: text };
}

/** A label chip on a `#rrggbb` colour, with black or white text, whichever reads better. */
export function chipStyle(hex: string) {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const l = luminance(rgb);
  return `background:${hex};color:${contrastRatio(l, 0) >= contrastRatio(l, 1) ? '#000' : '#fff'}`;
}
