/**
 * The figures' fallback images of report.docx (io/rasterize.ts): twice the
 * SVG's size, on white, shapes and text drawn where the SVG puts them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { RASTER_DPI, rasterizeSvg } from '../../src/adapters/io/rasterize.ts';

/** The RGB of the PNG's pixel (x, y). */
async function pixel(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

/** Folders where fontconfig, Windows or macOS keep fonts: text is set only when one of them holds a font. */
const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local/share/fonts'),
  '/System/Library/Fonts',
  '/Library/Fonts',
  'C:\\Windows\\Fonts',
];
const hasFonts = FONT_DIRS.some((d) => existsSync(d) && readdirSync(d).length > 0);
if (!hasFonts)
  console.log(
    'rasterize.test.ts: no system fonts (install fontconfig and fonts-dejavu-core): the text test is skipped',
  );

describe('rasterizeSvg', () => {
  it('draws at twice the size on white: a transparent background becomes white, a shape keeps its colour', async () => {
    expect(RASTER_DPI).toBe(144);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect x="10" y="10" width="30" height="20" fill="#c55a11"/></svg>';
    const { png, width, height } = await rasterizeSvg(svg);
    expect([width, height]).toEqual([200, 100]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // a PNG
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([200, 100]);
    expect(await pixel(png, 2, 2)).toEqual([255, 255, 255]);
    expect(await pixel(png, 50, 40)).toEqual([0xc5, 0x5a, 0x11]); // (25, 20) in the SVG
  });

  it.runIf(hasFonts)(
    'sets text, Chinese included, with the fonts of the system (ink where the text stands, none elsewhere)',
    async () => {
      const svg =
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="25" font-size="16" font-family="\'Noto Sans CJK SC\', sans-serif" fill="#000">Index 指数 0.25</text></svg>';
      const { png } = await rasterizeSvg(svg);
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      let ink = 0;
      let stray = 0;
      for (let y = 0; y < info.height; y++)
        for (let x = 0; x < info.width; x++) {
          const dark = data[y * info.width + x] < 128;
          if (dark && y >= 10 && y <= 70) ink++;
          else if (dark) stray++;
        }
      expect(ink).toBeGreaterThan(100);
      expect(stray).toBe(0);
    },
  );
});
