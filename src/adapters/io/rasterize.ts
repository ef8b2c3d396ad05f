/**
 * SVG → PNG in Node with resvg (the figures' fallback images in report.docx).
 * System fonts are used for text; the SVG itself stays in the document, so
 * Word renders it with its own fonts.
 */
import { renderAsync } from '@resvg/resvg-js';
import type { Rasterize } from '../report/docx.ts';

/** Drawn on libuv's thread pool (resvg's renderAsync): the report's other work goes on meanwhile. */
export const rasterizeSvg: Rasterize = async (svg) => {
  const image = await renderAsync(svg, { background: '#ffffff', fitTo: { mode: 'zoom', value: 2 } });
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
};
