/**
 * SVG → PNG in Node with resvg (the figures' fallback images in report.docx).
 * System fonts are used for text; the SVG itself stays in the document, so
 * Word renders it with its own fonts.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Rasterize } from '../report/docx.ts';

export const rasterizeSvg: Rasterize = async (svg) => {
  const image = new Resvg(svg, { background: '#ffffff', fitTo: { mode: 'zoom', value: 2 } }).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
};
