/** SVG → PNG in the browser (a canvas at twice the SVG's size): the figures' fallback images in the Word report. */
import type { Rasterize } from '../report/docx.ts';

export const rasterizeInBrowser: Rasterize = async (svg) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('the figure could not be drawn'));
      img.src = url;
    });
    const width = Math.max(1, img.naturalWidth || 800) * 2;
    const height = Math.max(1, img.naturalHeight || 500) * 2;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('no PNG'))), 'image/png'),
    );
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
};
