/**
 * Builds data/tfp/gtfp-province.csv, the data of the worked green TFP
 * example (docs/tfp.md, data/tfp/gtfp-province.yaml), from the embedded
 * panel data/province-panel/nqpf_province_2013_2022.csv (sources in
 * data/province-panel/SOURCE.md). It keeps the columns the example uses and
 * leaves out Tibet, which has no carbon-emission figures in the source (DEA
 * cannot use a missing value). Values are copied as written.
 *
 * Run: node bin/run-ts.js scripts/build-gtfp-example.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEEP = [
  'Year',
  'Province',
  'name_zh',
  'R&D Personnel',
  'Fixed Asset Investment',
  'Gross Regional Product',
  'Total Carbon Emissions (10K tons)',
];
const text = readFileSync(join(root, 'data', 'province-panel', 'nqpf_province_2013_2022.csv'), 'utf8').replace(
  /^\uFEFF/,
  '',
);
if (text.includes('"')) throw new Error('quoted fields are not expected');
const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
const header = head.split(',');
const at = KEEP.map((c) => {
  const i = header.indexOf(c);
  if (i < 0) throw new Error(`column ${c} not found`);
  return i;
});
const out = [KEEP.join(',')];
for (const line of lines) {
  const cells = line.split(',');
  if (cells[header.indexOf('Province')] === 'Tibet') continue;
  out.push(at.map((i) => cells[i]).join(','));
}
writeFileSync(join(root, 'data', 'tfp', 'gtfp-province.csv'), out.join('\n') + '\n');
console.log(`wrote ${out.length - 1} rows`);
