/**
 * Builds the totals-based example panel data/province-panel/nqpf_province_2013_2022.csv
 * (used by data/specs/examples/nqpf-province-totals.json)
 * from the three files in data/province-panel/ (see SOURCE.md there):
 *   province_panel_2013_2022.csv        (Year, Province, 38 columns)
 * + gross_regional_product_2010_2022.csv (GRP and its three sectors, joined by Province/Year)
 * + carbon_emissions_2010_2022.csv       (total carbon emissions, joined by Province/Year)
 * and adds gb_code (GB/T 2260), name_zh and region (NBS four-region division)
 * from src/core/geo/provinces.ts. Values are copied as written in the sources;
 * a cell with no source value (Tibet's carbon emissions) is left empty.
 *
 * Run: node bin/run-ts.js scripts/build-totals-panel.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProvince, REGION_NAMES } from '../src/core/geo/provinces.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'province-panel');

/** Minimal CSV reader for these files (no quoted fields; checked below). */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  if (text.includes('"')) throw new Error(`${file}: quoted fields are not expected`);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',');
    if (cells.length !== header.length)
      throw new Error(`${file} row ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    return cells;
  });
  return { header, rows };
}

/** Map "Province|Year" → cells, with province names resolved to the panel's English name. */
function keyed(file: string, provinceCol: string, yearCol: string): { header: string[]; byKey: Map<string, string[]> } {
  const { header, rows } = readCsv(file);
  const pi = header.indexOf(provinceCol),
    yi = header.indexOf(yearCol);
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const p = findProvince(r[pi]);
    if (!p) throw new Error(`${file}: unknown province "${r[pi]}"`);
    const key = `${p.name}|${r[yi]}`;
    if (byKey.has(key)) throw new Error(`${file}: duplicate ${key}`);
    byKey.set(key, r);
  }
  return { header, byKey };
}

const main = readCsv('province_panel_2013_2022.csv');
const grp = keyed('gross_regional_product_2010_2022.csv', 'Province', 'Fiscal Year');
const carbon = keyed('carbon_emissions_2010_2022.csv', 'Province', 'Fiscal Year');
const grpCols = grp.header.filter((h) => h !== 'Province' && h !== 'Fiscal Year');
const carbonCols = carbon.header.filter((h) => h !== 'Province' && h !== 'Fiscal Year');

const yi = main.header.indexOf('Year'),
  pi = main.header.indexOf('Province');
const rest = main.header.map((_, i) => i).filter((i) => i !== yi && i !== pi);
const header = [
  'Year',
  'Province',
  'gb_code',
  'name_zh',
  'region',
  ...rest.map((i) => main.header[i]),
  ...grpCols,
  ...carbonCols,
];
const out: string[] = [header.join(',')];
const missing: string[] = [];
const sorted = [...main.rows].sort((a, b) => {
  const pa = findProvince(a[pi])!,
    pb = findProvince(b[pi])!;
  return pa.gbCode - pb.gbCode || Number(a[yi]) - Number(b[yi]);
});
for (const r of sorted) {
  const p = findProvince(r[pi]);
  if (!p) throw new Error(`province_panel_2013_2022.csv: unknown province "${r[pi]}"`);
  const key = `${p.name}|${r[yi]}`;
  const g = grp.byKey.get(key),
    c = carbon.byKey.get(key);
  if (!g) missing.push(`GRP ${key}`);
  if (!c) missing.push(`carbon ${key}`);
  const pick = (src: { header: string[] }, rowCells: string[] | undefined, cols: string[]) =>
    cols.map((col) => (rowCells ? rowCells[src.header.indexOf(col)] : ''));
  out.push(
    [
      r[yi],
      p.name,
      String(p.gbCode),
      p.nameZh,
      REGION_NAMES[p.region].en,
      ...rest.map((i) => r[i]),
      ...pick(grp, g, grpCols),
      ...pick(carbon, c, carbonCols),
    ].join(','),
  );
}
writeFileSync(join(dir, 'nqpf_province_2013_2022.csv'), out.join('\n') + '\n');
process.stderr.write(
  `wrote ${out.length - 1} rows, ${header.length} columns; cells without a source value: ${missing.length ? missing.join('; ') : 'none'}\n`,
);
