/**
 * A chart as a file: its SVG serialised as it is (every colour and font is an attribute, so
 * the file needs no stylesheet), or rasterised through an <img> onto a canvas for a PNG.
 */
export function chartSvgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function chartSvgBlob(svg: SVGSVGElement): Blob {
  return new Blob([chartSvgText(svg)], { type: 'image/svg+xml' });
}

/** The chart drawn at `scale` times its own size (its viewBox) as a PNG. */
export async function chartPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = svg.viewBox.baseVal;
  const width = Math.round((box?.width || svg.width.baseVal.value) * scale);
  const height = Math.round((box?.height || svg.height.baseVal.value) * scale);
  const url = URL.createObjectURL(chartSvgBlob(svg));
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image(width, height);
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('could not draw the chart'));
      i.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas to draw the chart on');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
