/**
 * The Word report (issue 9): read back with a docx reader (mammoth), it has
 * the report's headings, every three-line table as a real table with the
 * numbers of the HTML report, the figures as images, one language only, and
 * three-line rules in the table XML.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rasterizeSvg } from '../../src/adapters/io/rasterize.ts';
import { reportDocx } from '../../src/adapters/report/docx.ts';
import { reportDocument, reportParts } from '../../src/adapters/report/html.ts';
import { threeLineTable } from '../../src/adapters/report/tables.ts';
import { makeFixture, PANEL_PROVINCES } from './fixture.ts';

const geojson = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/geo/china_provinces.geojson', import.meta.url)), 'utf8'),
) as unknown;

async function unzipEntry(bytes: Uint8Array, name: string): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file(name)?.async('string')) ?? '';
}

describe('report.docx', () => {
  const result = makeFixture({ units: PANEL_PROVINCES, byTime: true, uncertainty: true });
  const parts = reportParts(result, { lang: 'zh', geojson, date: '2024-05-01T00:00:00Z' });
  const html = parse(reportDocument({ lang: 'zh', ...parts }));

  it('reads back with the same headings, tables and numbers as report.html, in Chinese only', async () => {
    const bytes = await reportDocx(parts.sections, { ...parts, lang: 'zh', rasterize: rasterizeSvg });
    const back = parse((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
    const headings = back.querySelectorAll('h1').map((h) => h.text.trim());
    for (const s of parts.sections) expect(headings).toContain(s.title.zh);
    const tablesHtml = html.querySelectorAll('table.three-line');
    const tablesDocx = back.querySelectorAll('table');
    expect(tablesDocx.length).toBe(tablesHtml.length);
    // the first body row of every table carries the same cells (without the other language)
    tablesHtml.forEach((t, i) => {
      const strip = (s: string) => s.replace(/\s+/g, ' ').trim();
      const row = t.querySelector('tbody tr');
      if (!row) return;
      row.querySelectorAll('.alt').forEach((a) => a.remove());
      const want = row.querySelectorAll('td, th').map((c) => strip(c.text));
      const got = (tablesDocx[i].querySelectorAll('tr')[t.querySelectorAll('thead tr').length] ?? tablesDocx[i])
        .querySelectorAll('td, th')
        .map((c) => strip(c.text));
      expect(got).toEqual(want);
    });
    expect(back.text).not.toMatch(/Run record|Methods/);
    expect(back.querySelectorAll('img').length).toBe(html.querySelectorAll('figure svg').length);
  }, 60_000);

  it('draws three-line rules: 1.5 pt top and bottom, 0.75 pt under the header, no vertical rules', async () => {
    const bytes = await reportDocx(parts.sections.slice(0, 3), { ...parts, lang: 'en', rasterize: rasterizeSvg });
    const xml = await unzipEntry(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:top w:val="single" w:color="000000" w:sz="12"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="12"\/>/);
    expect(xml).not.toMatch(/<w:left w:val="single"/);
  }, 60_000);

  it('sets the table text once, as a paragraph style, and borders only on the ruled rows', async () => {
    const bytes = await reportDocx(parts.sections, { ...parts, lang: 'en', rasterize: rasterizeSvg });
    const xml = await unzipEntry(bytes, 'word/document.xml');
    const styles = await unzipEntry(bytes, 'word/styles.xml');
    // 10 pt Times New Roman / SimSun, based on Normal
    const style = styles.match(/<w:style [^>]*w:styleId="TableText"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(style).toMatch(/<w:basedOn w:val="Normal"\/>/);
    expect(style).toMatch(/<w:sz w:val="20"\/>/);
    expect(style).toMatch(/w:eastAsia="SimSun"/);
    expect(style).toMatch(/w:ascii="Times New Roman"/);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
      const head = rows.filter((r) => r.includes('<w:tblHeader/>')).length;
      expect(head).toBeGreaterThan(0);
      rows.forEach((r, i) => {
        const ruled = i === 0 || i === head - 1 || i === rows.length - 1;
        expect(r.includes('<w:tcBorders>'), `row ${i} of ${rows.length}`).toBe(ruled);
        // every cell paragraph in the table style, no run-level font or size
        expect(r.match(/<w:p>/g)?.length).toBe(r.match(/<w:pStyle w:val="TableText"\/>/g)?.length);
        expect(r).not.toMatch(/<w:rFonts|<w:sz /);
      });
    }
  }, 60_000);
  it('sets a table wider than the page (a 30-indicator correlation matrix) as parts of 12 columns, each with the row labels', async () => {
    const ids = Array.from({ length: 30 }, (_, j) => `x${j + 1}`);
    for (const lang of ['en', 'zh'] as const) {
      const html = threeLineTable({
        lang,
        caption: { zh: '指标相关系数矩阵', en: 'Correlation matrix' },
        columns: [
          { header: { zh: '指标', en: 'Indicator' } },
          ...ids.map((id) => ({ header: { zh: id, en: id }, kind: 'number' as const, decimals: 3 })),
        ],
        rows: ids.map((a, i) => [a, ...ids.map((_, j) => (i === j ? 1 : Math.round(1000 * Math.cos(i + j)) / 1000))]),
      });
      const sections = [{ id: 'wide', title: { zh: '宽表', en: 'Wide table' }, html }];
      const bytes = await reportDocx(sections, { lang, title: { zh: '报告', en: 'Report' }, rasterize: rasterizeSvg });
      const back = parse((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
      const tables = back.querySelectorAll('table');
      expect(tables).toHaveLength(3); // 30 data columns: 11 + 11 + 8
      const cellsOf = (t: ReturnType<typeof parse>) =>
        t.querySelectorAll('tr').map((r) => r.querySelectorAll('td, th').map((c) => c.text.trim()));
      const parts = tables.map(cellsOf);
      expect(parts.map((p) => p[0].length)).toEqual([12, 12, 9]);
      // every part keeps the row labels; side by side the parts are the whole table (the other language left out)
      const source = parse(html);
      for (const alt of source.querySelectorAll('.alt')) alt.remove();
      cellsOf(source).forEach((row, i) => {
        for (const p of parts) expect(p[i][0]).toBe(row[0]);
        expect([row[0], ...parts.flatMap((p) => p[i].slice(1))]).toEqual(row);
      });
      const captions = back
        .querySelectorAll('p')
        .map((p) => p.text.trim())
        .filter((t) => t.startsWith(lang === 'en' ? 'Correlation' : '指标相关'));
      expect(captions).toEqual(
        [1, 2, 3].map((k) =>
          lang === 'en' ? `Correlation matrix (part ${k} of 3)` : `指标相关系数矩阵（第 ${k} 部分，共 3 部分）`,
        ),
      );
    }
  }, 60_000);
});
