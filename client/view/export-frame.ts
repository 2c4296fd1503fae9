/**
 * Geometry of an exported briefing image, in CSS pixels before scaling: a title band above the
 * canvas, the legend to its right and a sources footnote below. Pure, so the e2e test can
 * compute the exact size it expects.
 */
export const FRAME = { header: 72, legend: 300, footer: 64 } as const;

export const EXPORT_SCALES = [1, 2, 4] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

export function frameSize(canvasWidth: number, canvasHeight: number, scale: number) {
  const w = Math.round(canvasWidth);
  const h = Math.round(canvasHeight);
  return {
    canvas: { w, h },
    width: (w + FRAME.legend) * scale,
    height: (FRAME.header + h + FRAME.footer) * scale,
  };
}

/** "Sources: A; B; C (+N more)" cut to fit roughly `maxChars` characters. */
export function sourcesLine(titles: readonly string[], maxChars: number): string {
  const unique = [...new Set(titles)];
  if (unique.length === 0) return 'Sources: none on screen.';
  let line = 'Sources: ';
  let used = 0;
  for (const t of unique) {
    const next = used === 0 ? t : `; ${t}`;
    const rest = unique.length - used - 1;
    const tail = rest > 0 ? ` (+${rest} more)` : '';
    if (line.length + next.length + tail.length > maxChars && used > 0) break;
    line += next;
    used += 1;
  }
  const left = unique.length - used;
  return left > 0 ? `${line} (+${left} more)` : `${line}.`;
}
