import { describe, expect, it } from 'vitest';
import { checkLogo, LOGO_MAX_BYTES, LogoSchema } from '../../server/contract/logo.js';

const url = (type: string, bytes: Uint8Array | string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>';

describe('deck logos', () => {
  it('take PNG, JPEG and plain SVG whose bytes match their media type', () => {
    expect(checkLogo(url('image/png', PNG))).toEqual({ type: 'image/png' });
    expect(checkLogo(url('image/jpeg', JPEG))).toEqual({ type: 'image/jpeg' });
    expect(checkLogo(url('image/svg+xml', SVG))).toEqual({ type: 'image/svg+xml' });
    const dressed = `\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n${SVG}`;
    expect(checkLogo(url('image/svg+xml', dressed))).toEqual({ type: 'image/svg+xml' });
  });

  it('say what is wrong without repeating the upload', () => {
    const cases = [
      url('image/png', JPEG),
      url('image/jpeg', PNG),
      url('image/svg+xml', '<svg><script>x</script></svg>'),
      url('image/svg+xml', '<svg><a xlink:href="javascript:x()"/></svg>'),
      url('image/svg+xml', new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe])),
      url('image/png', new Uint8Array(LOGO_MAX_BYTES + 1).fill(0x89)),
      'data:image/png;base64,',
    ];
    for (const value of cases) {
      const result = LogoSchema.safeParse(value);
      expect(result.success, value.slice(0, 40)).toBe(false);
      const message = result.error?.issues.map((i) => i.message).join(' ') ?? '';
      expect(message).not.toContain(value.slice(22, 40) || '\u0000');
    }
  });
});
