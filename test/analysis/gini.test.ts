/**
 * Dagum Gini decomposition against an independent all-pairs NumPy
 * implementation of Dagum (1997) (test/reference/analysis/gini_reference.py
 * → fixtures/gini.json): the province panel by region per year, synthetic
 * data with unequal group sizes and ties, and degenerate cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dagumGini, sumAbsDiffSorted, crossPositiveSumsSorted } from '../../src/core/analysis/dagum-gini.ts';
import { XinzhiError } from '../../src/core/errors.ts';

interface Case {
  name: string;
  values: number[];
  groups: string[];
  expected: {
    total: number;
    within: number;
    between: number;
    transvariation: number;
    groups: Array<{
      name: string;
      n: number;
      mean: number;
      gini: number;
      populationShare: number;
      incomeShare: number;
    }>;
    pairs: Array<{ high: string; low: string; gini: number; d: number; p: number; D: number }>;
  };
}

const fixture = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/gini.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function close(actual: number, expected: number, what: string): void {
  const tol = 1e-9 * Math.max(Math.abs(expected), 1e-6);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
}

describe('Dagum Gini vs NumPy all-pairs reference', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = dagumGini(c.values, c.groups);
      close(r.total, c.expected.total, 'G');
      close(r.within, c.expected.within, 'Gw');
      close(r.between, c.expected.between, 'Gnb');
      close(r.transvariation, c.expected.transvariation, 'Gt');
      close(r.within + r.between + r.transvariation, r.total, 'Gw+Gnb+Gt');
      expect(r.groups.map((g) => g.name)).toEqual(c.expected.groups.map((g) => g.name));
      r.groups.forEach((g, k) => {
        const e = c.expected.groups[k];
        expect(g.n).toBe(e.n);
        close(g.mean, e.mean, `${g.name} mean`);
        close(g.gini, e.gini, `${g.name} G_jj`);
        close(g.populationShare, e.populationShare, `${g.name} p_j`);
        close(g.incomeShare, e.incomeShare, `${g.name} s_j`);
      });
      expect(r.pairs.length).toBe(c.expected.pairs.length);
      r.pairs.forEach((p, k) => {
        const e = c.expected.pairs[k];
        expect([p.high, p.low]).toEqual([e.high, e.low]);
        close(p.gini, e.gini, `G_${p.high},${p.low}`);
        close(p.d, e.d, `d_${p.high},${p.low}`);
        close(p.p, e.p, `p_${p.high},${p.low}`);
        close(p.D, e.D, `D_${p.high},${p.low}`);
      });
    });
  }
});

describe('Dagum Gini: degenerate cases and errors', () => {
  it('one group: G = Gw, Gnb = Gt = 0', () => {
    const r = dagumGini([1, 2, 3, 7], ['g', 'g', 'g', 'g']);
    expect(r.between).toBe(0);
    expect(r.transvariation).toBe(0);
    expect(r.within).toBeCloseTo(r.total, 15);
  });
  it('all equal: G = 0, D defined as 0, shares NaN', () => {
    const r = dagumGini([2, 2, 2, 2], ['a', 'a', 'b', 'b']);
    expect(r.total).toBe(0);
    expect(r.pairs[0].D).toBe(0);
    expect(Number.isNaN(r.shares.within)).toBe(true);
  });
  it('zero mean is an error', () => {
    expect(() => dagumGini([0, 0, 0], ['a', 'b', 'b'])).toThrow(XinzhiError);
  });
  it('negative and missing values are errors naming the row', () => {
    try {
      dagumGini([1, -2, 3], ['a', 'b', 'b'], { locate: (i) => ({ file: 'x.csv', row: i + 2 }), column: 'v' });
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p).toMatchObject({ code: 'negative-value', file: 'x.csv', row: 3, column: 'v' });
    }
    expect(() => dagumGini([1, NaN], ['a', 'b'])).toThrow(/missing/);
  });
  it('gap sums equal brute force on random data with ties', () => {
    const a = Array.from({ length: 50 }, (_, i) => ((i * 7919) % 13) / 3);
    const b = Array.from({ length: 31 }, (_, i) => ((i * 104729) % 11) / 2);
    let within = 0;
    for (const x of a) for (const y of a) within += Math.abs(x - y);
    let ab = 0;
    let ba = 0;
    for (const x of a)
      for (const y of b) {
        ab += Math.max(0, x - y);
        ba += Math.max(0, y - x);
      }
    const sa = Float64Array.from(a).sort();
    const sb = Float64Array.from(b).sort();
    close(sumAbsDiffSorted(sa), within, 'within');
    const r = crossPositiveSumsSorted(sa, sb);
    close(r.aOverB, ab, 'a over b');
    close(r.bOverA, ba, 'b over a');
  });
});

describe('xinzhi analyze gini (CLI) on the province panel vs the NumPy reference', async () => {
  const { xinzhi, PANEL } = await import('./gini-cli-helpers.ts');
  it('--json holds the contract and matches the reference for every year', () => {
    const r = xinzhi([
      'analyze',
      'gini',
      '--data',
      PANEL,
      '--unit',
      'Province',
      '--time',
      'Year',
      '--value',
      'Internal R&D Expenditure (10K RMB)',
      '--group',
      'region',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      results: Array<{ time: number; total: number; within: number; between: number; transvariation: number }>;
    };
    const cases = fixture.cases.filter((c) => c.name.startsWith('province'));
    expect(doc.results.map((x) => x.time)).toEqual(cases.map((c) => Number(/(\d{4})/.exec(c.name)![1])));
    doc.results.forEach((res, k) => {
      for (const key of ['total', 'within', 'between', 'transvariation'] as const)
        close(res[key], cases[k].expected[key], `${res.time} ${key}`);
      close(res.within + res.between + res.transvariation, res.total, 'sum');
    });
  });
  it('rows as observations without --unit (cross-section) match the reference', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const c = fixture.cases.find((x) => x.name.startsWith('synthetic lognormal'))!;
    const file = join(mkdtempSync(join(tmpdir(), 'xinzhi-gini-')), 'obs.csv');
    writeFileSync(file, 'grp,y\n' + c.values.map((v, i) => `${c.groups[i]},${v}`).join('\n') + '\n');
    const r = xinzhi(['analyze', 'gini', '--data', file, '--value', 'y', '--group', 'grp', '--json']);
    expect(r.status).toBe(0);
    const res = (
      JSON.parse(r.stdout) as {
        results: Array<{ time: null; total: number; within: number; between: number; transvariation: number }>;
      }
    ).results;
    expect(res.length).toBe(1);
    expect(res[0].time).toBeNull();
    for (const key of ['total', 'within', 'between', 'transvariation'] as const)
      close(res[0][key], c.expected[key], key);
  });
  it('without --unit, a missing column is named against the file’s own columns', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'xinzhi-gini-')), 'obs.csv');
    writeFileSync(file, 'grp,y,Year\nA,1,2020\nB,2,2020\n');
    const r = xinzhi(['analyze', 'gini', '--data', file, ...'--value y --group grp --time year --lang en'.split(' ')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('"Year"');
    expect(r.stderr).not.toContain('(row)'); // the rows' own units are not a column of the file
  });
  it('errors are bilingual on stderr with a non-zero exit and nothing on stdout', () => {
    const bad = xinzhi([
      'analyze',
      'gini',
      '--data',
      PANEL,
      '--unit',
      'Province',
      '--time',
      'Year',
      '--value',
      'Total Profit (100M RMB)',
      '--group',
      'region',
      '--json',
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/负值/);
    expect(bad.stderr).toMatch(/negative value/);
    expect(bad.stderr).toMatch(/Ningxia/);
  });
});

describe('Gini report section', async () => {
  const { giniSection } = await import('../../src/adapters/report/sections/gini.ts');
  it('renders lines, shares and tables as SVG/HTML', () => {
    const rows = fixture.cases
      .filter((c) => c.name.startsWith('province'))
      .map((c, k) => ({ time: 2013 + k, ...dagumGini(c.values, c.groups) }));
    const s = giniSection(rows, { lang: 'zh', value: 'R&D', group: 'region' });
    expect(s.id).toBe('gini');
    expect((s.html.match(/<svg/g) ?? []).length).toBe(2);
    expect(s.html).toContain('three-line');
  });
});
