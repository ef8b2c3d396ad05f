/**
 * The default provincial panel (data/province-intensity/, built by
 * scripts/build-default-panel.ts) against an independently computed table of
 * the same 21 intensity indicators (province-intensity-panel in ../shared,
 * 6 significant digits): every cell both have agrees to 1e-5 relative, and
 * the cells left empty here are exactly the documented gaps. Without
 * ../shared the comparison is skipped; the shape checks always run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../shared-data.ts';

const OURS = fileURLToPath(new URL('../../data/province-intensity/province_intensity_2013_2022.csv', import.meta.url));
const REF = 'data/province-intensity-panel/intensity_indicators_2013_2022.csv';

function readCsv(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i], c])));
}

const ours = readCsv(OURS);
const indicatorColumns = Object.keys(ours[0]).filter((c) => /^[LMOD]\d_/.test(c));

describe('data/province-intensity', () => {
  it('holds 30 provinces × 2013–2022 and 21 indicators; Tibet is left out', () => {
    expect(ours).toHaveLength(300);
    expect(indicatorColumns).toHaveLength(21);
    expect(new Set(ours.map((r) => r.Province)).size).toBe(30);
    expect(ours.some((r) => r.gb_code === '540000')).toBe(false);
  });
  it('is empty only where the sources are: O1 in 2017, D1–D5 in 2013–2014', () => {
    for (const r of ours) {
      for (const c of indicatorColumns) {
        const gap = (c.startsWith('O1_') && r.Year === '2017') || (c.startsWith('D') && Number(r.Year) < 2015);
        expect(r[c] === '', `${r.Province} ${r.Year} ${c}`).toBe(gap);
      }
    }
  });
});

describeWithShared(REF, 'data/province-intensity against the independently computed intensity table', () => {
  it('every cell both tables have agrees to 1e-5 relative', () => {
    const ref = new Map(readCsv(sharedPath(REF)!).map((r) => [`${r.gb_code}|${r.year}`, r]));
    let compared = 0;
    for (const r of ours) {
      const e = ref.get(`${r.gb_code}|${r.Year}`)!;
      expect(e, `${r.Province} ${r.Year}`).toBeDefined();
      for (const c of indicatorColumns) {
        if (r[c] === '' || e[c] === '') {
          // the reference fills O1 2017 by interpolation; the panel leaves it to the spec
          expect(
            r[c] === '' && (e[c] === '' || (c.startsWith('O1_') && r.Year === '2017')),
            `${r.Province} ${r.Year} ${c}`,
          ).toBe(true);
          continue;
        }
        const a = Number(r[c]),
          b = Number(e[c]);
        expect(Math.abs(a - b) <= 1e-5 * Math.abs(b) + 1e-12, `${r.Province} ${r.Year} ${c}: ${a} vs ${b}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5900);
  });
});
