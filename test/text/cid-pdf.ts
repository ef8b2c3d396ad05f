/**
 * Writes a small PDF whose Chinese text uses a CID font that is NOT embedded
 * (Type0 font, STSong-Light / Adobe-GB1 with the UniGB-UCS2-H CMap, or
 * MSung-Light / Adobe-CNS1 with UniCNS-UCS2-H for traditional characters), as
 * many annual reports do. A reader without the CMaps gets no text from it.
 * Each page is a list of lines; every line is placed on its own baseline.
 */
const FONTS = {
  gb: { base: 'STSong-Light', cmap: 'UniGB-UCS2-H', registry: 'Adobe', ordering: 'GB1', supplement: 4 },
  cns: { base: 'MSung-Light', cmap: 'UniCNS-UCS2-H', registry: 'Adobe', ordering: 'CNS1', supplement: 4 },
} as const;

const ucs2Hex = (s: string): string =>
  [...s]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code > 0xffff) throw new Error(`character outside UCS-2: ${ch}`);
      return code.toString(16).padStart(4, '0');
    })
    .join('')
    .toUpperCase();

export function makeCidPdf(pages: string[][], font: keyof typeof FONTS = 'gb'): Uint8Array {
  const f = FONTS[font];
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add(`<< /Type /Font /Subtype /Type0 /BaseFont /${f.base}-${f.cmap} /Encoding /${f.cmap} /DescendantFonts [4 0 R] >>`);
  add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${f.base} /CIDSystemInfo << /Registry (${f.registry}) ` +
      `/Ordering (${f.ordering}) /Supplement ${f.supplement} >> /FontDescriptor 5 0 R /DW 1000 >>`,
  );
  add(
    `<< /Type /FontDescriptor /FontName /${f.base} /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 ` +
      '/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const kids: number[] = [];
  for (const lines of pages) {
    const stream = lines.map((line, i) => `BT /F1 10 Tf 40 ${800 - i * 14} Td <${ucs2Hex(line)}> Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ` +
          `/Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Cut a line into pieces of about `width` characters, never inside a Latin run or right after a sentence end. */
export function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = width;
    while (
      cut < rest.length &&
      ((/[A-Za-z0-9]/.test(rest[cut - 1]) && /[A-Za-z0-9]/.test(rest[cut])) || /[。；：]/.test(rest[cut - 1]))
    )
      cut++;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** Lay lines onto pages with a running header and a page number at the foot. */
export function paginate(text: string, perPage: number, header: string): string[][] {
  const lines = text.split('\n').flatMap((l) => (/^第.[节節]/.test(l) ? [l] : wrap(l, 9)));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) {
    pages.push([header, ...lines.slice(i, i + perPage), `- ${pages.length + 1} -`]);
  }
  return pages;
}
