/** Descriptive statistics and the correlation table against R (test/reference/describe/describe_reference.R). */
import { readFileSync } from 'node:fs';
import { describe as suite, expect, it } from 'vitest';
import { describe, stars } from '../../src/core/analysis/describe.ts';
import { parseCsvNumbers } from './describe-data.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/describe/fixtures/describe.json', import.meta.url), 'utf8'));
const data = parseCsvNumbers(
  readFileSync(new URL('../../data/province-intensity/province_intensity_2013_2022.csv', import.meta.url), 'utf8'),
);
const close = (a: number, b: number | null, rel = 1e-9) => {
  if (b === null) return expect(Number.isNaN(a)).toBe(true);
  return expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b) + 1e-15);
};
const cols = Object.fromEntries(fx.variables.map((v: string) => [v, data.numeric(v)]));
const res = describe(cols, { time: data.numeric('Year'), group: data.text('region') });
const FIELDS = ['n', 'missing', 'mean', 'sd', 'min', 'max'] as const;

function same(rows: ReturnType<typeof describe>['overall'], ref: Record<string, Array<number | null>>) {
  rows.forEach((row, j) => {
    for (const f of FIELDS) close(row[f], ref[f][j]);
  });
}

suite('descriptive statistics, against R', () => {
  it('overall: N and missing counted, mean, SD (n − 1), min, max', () => same(res.overall, fx.overall));
  it('by year, including a year where a column is all missing', () => {
    expect(res.byTime!.map((b) => b.time)).toEqual(fx.years);
    res.byTime!.forEach((b, k) => same(b.rows, fx.byYear[k]));
  });
  it('by region', () => {
    expect(res.byGroup!.map((b) => b.group)).toEqual(fx.regions);
    res.byGroup!.forEach((b, k) => same(b.rows, fx.byRegion[k]));
  });
  it('pairwise Pearson r, cor.test p and N', () => {
    res.correlation.forEach((row, i) =>
      row.forEach((c, j) => {
        close(c.r, fx.r[i][j]);
        expect(c.n).toBe(fx.n[i][j]);
        if (fx.p[i][j] === 0) expect(c.p).toBe(0);
        else close(c.p, fx.p[i][j], 1e-8);
      }),
    );
  });
  it('stars at 0.1, 0.05, 0.01', () => {
    expect([0.2, 0.09, 0.04, 0.009].map(stars)).toEqual(['', '*', '**', '***']);
  });
  it('degenerate: one value gives no SD, a constant gives no correlation (NaN, never a number)', () => {
    const d = describe({ a: [1, Number.NaN], b: [2, 2] });
    expect(d.overall[0]).toMatchObject({ n: 1, missing: 1, mean: 1 });
    expect(Number.isNaN(d.overall[0].sd)).toBe(true);
    expect(Number.isNaN(d.correlation[0][1].r)).toBe(true);
  });
});

suite('xinzhi describe (CLI)', () => {
  it('prints the same numbers as R in its JSON and names a bad column', async () => {
    const { xinzhi, ROOT } = await import('./gini-cli-helpers.ts');
    const file = `${ROOT}data/province-intensity/province_intensity_2013_2022.csv`;
    const r = xinzhi([
      'describe',
      '--data',
      file,
      '--unit',
      'Province',
      '--time',
      'Year',
      '--by',
      'region',
      '--columns',
      fx.variables.join(','),
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    out.overall.forEach((row: Record<string, number | null>, j: number) => {
      for (const f of FIELDS) close(row[f] ?? Number.NaN, fx.overall[f][j]);
    });
    close(out.correlation[1][0].r, fx.r[1][0]);
    const bad = xinzhi(['describe', '--data', file, '--unit', 'Province', '--columns', 'nope']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/nope/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);
});
