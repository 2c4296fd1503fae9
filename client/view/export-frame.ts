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

/** A title cut with an ellipsis to at most `maxChars` characters, never squeezed. */
export function fitTitle(title: string, maxChars: number): string {
  return title.length <= maxChars
    ? title
    : `${title.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/**
 * The sources sidecar: the title, date, the full link and every source with its address,
 * one per line, deduplicated. It goes with an export whose footnote could list only some.
 */
export function sourcesText(
  head: { title: string; subtitle: string; link: string },
  sources: readonly { title: string; url: string }[],
): string {
  const seen = new Map<string, string>();
  for (const x of sources) if (!seen.has(x.title)) seen.set(x.title, x.url);
  return [
    head.title,
    head.subtitle,
    `View: ${head.link}`,
    '',
    `Sources (${seen.size}):`,
    ...[...seen].map(([t, u], i) => `${i + 1}. ${t} <${u}>`),
    '',
  ].join('\n');
}

/** "Sources: A; B; C (+N more)" cut to fit roughly `maxChars` characters. */
export function sourcesLine(titles: readonly string[], maxChars: number, more = ''): string {
  const unique = [...new Set(titles)];
  if (unique.length === 0) return 'Sources: none on screen.';
  let line = 'Sources: ';
  let used = 0;
  for (const t of unique) {
    const next = used === 0 ? t : `; ${t}`;
    const rest = unique.length - used - 1;
    const tail = rest > 0 ? ` (+${rest} more${more})` : '';
    if (line.length + next.length + tail.length > maxChars && used > 0) break;
    line += next;
    used += 1;
  }
  const left = unique.length - used;
  return left > 0 ? `${line} (+${left} more${more})` : `${line}.`;
}
