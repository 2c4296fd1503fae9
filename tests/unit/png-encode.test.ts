import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../server/http/png-encode.js';

describe('encodePng', () => {
  it('writes a PNG another decoder reads back pixel for pixel', async () => {
    const width = 5;
    const height = 3;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++)
      rgba.set([i * 17, 255 - i * 9, (i * 53) % 256, 255], i * 4);
    const png = await encodePng(rgba, width, height);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    // resvg decodes it as an image inside an SVG of the same size.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" style="image-rendering:pixelated" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const back = new Resvg(svg).render().pixels;
    expect(Array.from(back)).toEqual(Array.from(rgba));
  });

  it('refuses pixel data of the wrong size', async () => {
    await expect(encodePng(new Uint8Array(7), 2, 2)).rejects.toThrow('does not match');
  });
});
