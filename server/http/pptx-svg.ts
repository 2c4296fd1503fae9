import { inflateRawSync } from 'node:zlib';
import { type ZipEntry, zip } from '../domain/export/zip.js';

/**
 * SVG pictures in a PowerPoint file, where PowerPoint 2016+ takes them: the picture keeps its
 * PNG (what older PowerPoint, LibreOffice and previews show) and gains an `asvg:svgBlip`
 * extension pointing at the SVG. pptxgenjs writes that extension itself only beside a PNG
 * preview it cannot draw under Node (it puts a "broken image" there), so Entente adds the
 * SVG to the finished file instead.
 */

/** The extension URI PowerPoint reads SVG pictures from (MS-ODRAWXML 2.3.1.x, svgBlip). */
export const SVG_BLIP_URI = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const SVG_NS = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The entries of a ZIP archive (stored or deflated, no ZIP64), in archive order. */
export function unzip(data: Uint8Array): ZipEntry[] {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const dec = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(at, true) !== 0x02014b50) throw new Error('bad ZIP central directory');
    const method = v.getUint16(at + 10, true);
    const size = v.getUint32(at + 20, true);
    const nameLen = v.getUint16(at + 28, true);
    const skip = nameLen + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
    const local = v.getUint32(at + 42, true);
    const name = dec.decode(data.subarray(at + 46, at + 46 + nameLen));
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const raw = data.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`unsupported ZIP method ${method}`);
    out.push({ name, data: method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw });
    at += 46 + skip;
  }
  return out;
}

/**
 * The PowerPoint file with `svgs[n]` (an SVG document) added as the SVG of slide n+1's first
 * picture (the map, which the exporter adds first). Slides without an SVG are left as they are.
 */
export function withSvgPictures(pptx: Uint8Array, svgs: readonly (string | null)[]): Uint8Array {
  const entries = unzip(pptx);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? dec.decode(e.data) : null;
  };
  const put = (name: string, value: string | Uint8Array) => {
    const data = typeof value === 'string' ? enc.encode(value) : value;
    const e = byName.get(name);
    if (e) e.data = data;
    else {
      const added = { name, data };
      entries.push(added);
      byName.set(name, added);
    }
  };
  let added = 0;
  svgs.forEach((svg, i) => {
    if (!svg) return;
    const slide = `ppt/slides/slide${i + 1}.xml`;
    const rels = `ppt/slides/_rels/slide${i + 1}.xml.rels`;
    const xml = text(slide);
    const relXml = text(rels);
    if (!xml || !relXml) return;
    const blip = /<a:blip r:embed="([^"]+)"\s*(\/>|>)/.exec(xml);
    if (!blip) return;
    const rId = `rIdEntenteSvg${i + 1}`;
    const ext = `<a:extLst><a:ext uri="${SVG_BLIP_URI}"><asvg:svgBlip xmlns:asvg="${SVG_NS}" r:embed="${rId}"/></a:ext></a:extLst>`;
    const open = `<a:blip r:embed="${blip[1]}">`;
    const at = blip.index;
    const next =
      blip[2] === '/>'
        ? `${xml.slice(0, at)}${open}${ext}</a:blip>${xml.slice(at + blip[0].length)}`
        : (() => {
            const close = xml.indexOf('</a:blip>', at);
            return `${xml.slice(0, close)}${ext}${xml.slice(close)}`;
          })();
    const media = `entente-map-${i + 1}.svg`;
    put(slide, next);
    put(
      rels,
      relXml.replace(
        '</Relationships>',
        `<Relationship Id="${rId}" Type="${IMAGE_REL}" Target="../media/${media}"/></Relationships>`,
      ),
    );
    put(`ppt/media/${media}`, svg);
    added++;
  });
  if (added === 0) return pptx;
  const types = text('[Content_Types].xml') ?? '';
  if (!/Extension="svg"/i.test(types)) {
    put(
      '[Content_Types].xml',
      types.replace('<Default ', '<Default Extension="svg" ContentType="image/svg+xml"/><Default '),
    );
  }
  return zip(entries, new Date().toISOString().slice(0, 10));
}
