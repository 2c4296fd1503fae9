import { z } from 'zod';
import { BRIEFING_LOGO_MAX_CHARS } from './limits.js';

/**
 * A deck's logo as it crosses the boundary: a base64 data URL of a PNG, JPEG or SVG whose
 * bytes are what the media type says (checked by their magic bytes, not trusted from the
 * name). SVG logos must be plain pictures: no scripts, event handlers, foreign objects,
 * entities or links outside the document. Error messages never repeat the upload.
 */

export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoMediaType = (typeof LOGO_MEDIA_TYPES)[number];

/** Bytes of a logo once decoded (three quarters of the data URL's characters, about 150 kB). */
export const LOGO_MAX_BYTES = Math.floor((BRIEFING_LOGO_MAX_CHARS * 3) / 4);

const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]+={0,2})$/;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const starts = (bytes: string, magic: readonly number[]) =>
  magic.every((b, i) => bytes.charCodeAt(i) === b);

/** Why an SVG logo is refused, or null. `text` is the decoded document. */
function svgProblem(text: string): string | null {
  const head = text
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(\s*<!--[\s\S]*?-->)*/, '')
    .trimStart();
  if (!/^<svg[\s>]/.test(head)) return 'an SVG logo must start with an <svg> element';
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'an SVG logo may not declare a DOCTYPE or entities';
  if (/<script|<foreignObject/i.test(text)) return 'an SVG logo may not hold scripts or HTML';
  if (/\son[a-z]+\s*=/i.test(text)) return 'an SVG logo may not hold event handlers';
  for (const m of text.matchAll(/href\s*=\s*["']([^"']*)["']/gi)) {
    if (!(m[1] ?? '').startsWith('#')) return 'an SVG logo may only link inside itself';
  }
  return null;
}

/** The media type of a valid logo data URL, or why it is refused. */
export function checkLogo(value: string): { type: LogoMediaType } | { problem: string } {
  const m = DATA_URL.exec(value);
  if (!m) return { problem: 'a PNG, JPEG or SVG as a base64 data URL' };
  const type = m[1] as LogoMediaType;
  let bytes: string;
  try {
    bytes = atob(m[2] ?? '');
  } catch {
    return { problem: 'the base64 data does not decode' };
  }
  if (bytes.length === 0) return { problem: 'the logo is empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { problem: `at most ${LOGO_MAX_BYTES} bytes` };
  if (type === 'image/png' && !starts(bytes, PNG_MAGIC)) {
    return { problem: 'the data is not a PNG image' };
  }
  if (type === 'image/jpeg' && !starts(bytes, JPEG_MAGIC)) {
    return { problem: 'the data is not a JPEG image' };
  }
  if (type === 'image/svg+xml') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(bytes, (c) => c.charCodeAt(0)),
      );
    } catch {
      return { problem: 'the SVG is not UTF-8 text' };
    }
    const problem = svgProblem(text);
    if (problem) return { problem };
  }
  return { type };
}

/** A logo: a PNG, JPEG or SVG data URL, at most BRIEFING_LOGO_MAX_CHARS characters. */
export const LogoSchema = z
  .string()
  .max(BRIEFING_LOGO_MAX_CHARS, `at most ${BRIEFING_LOGO_MAX_CHARS} characters`)
  .superRefine((value, ctx) => {
    const checked = checkLogo(value);
    if ('problem' in checked) ctx.addIssue({ code: 'custom', message: checked.problem });
  });
