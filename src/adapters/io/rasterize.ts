/**
 * SVG → PNG in Node with sharp (libvips, librsvg; text set by Pango with the
 * system's fonts through fontconfig): the figures' fallback images in
 * report.docx, drawn at twice the SVG's size (144 dpi against the SVG's 72) on
 * a white background. The SVG itself stays in the document, so Word renders
 * it with its own fonts.
 *
 * sharp rather than resvg: resvg reads a font file again for every run of
 * text it sets, and a CJK font is 20–60 MB (Noto Sans CJK, Microsoft YaHei,
 * PingFang), so on a machine with one the three figures of a firm panel's
 * report took 1.7–2.0 s, mostly in the kernel, and the 5,000-firm
 * `evaluate --out` peaked 50–80 MB higher than with sharp (fontconfig maps
 * each font once).
 *
 * @example const { png, width, height } = await rasterizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') // 20 × 20
 */
import sharp from 'sharp';
import type { Rasterize } from '../report/docx.ts';

/** Dots per inch of the PNG: twice the SVG's 72 (one dot per SVG pixel), so the figure stays crisp at Word's print size. */
export const RASTER_DPI = 144;

// the figures are drawn once each: no cache of decoded images kept in memory
sharp.cache(false);

/** Drawn on libuv's thread pool: the report's other work goes on meanwhile. */
export const rasterizeSvg: Rasterize = async (svg) => {
  const { data, info } = await sharp(Buffer.from(svg), { density: RASTER_DPI })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
};
