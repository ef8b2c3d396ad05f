/**
 * Theil T and L with decomposition against NumPy computed directly from the
 * formulas (test/reference/analysis/theil_reference.py → fixtures/theil.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { theil, type TheilMeasure } from '../../src/core/analysis/theil.ts';
import type { XinzhiError } from '../../src/core/errors.ts';

interface Part {
  total: number;
  within: number;
  between: number;
  groups: Array<{ name: string; index: number; withinContribution: number; betweenContribution: number }>;
}
interface Case {
  name: string;
  values: number[];
  groups: string[];
  measures: TheilMeasure[];
  expected: { T: Part; L?: Part };
}
const fixture = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/theil.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function close(actual: number, expected: number, what: string): void {
  const tol = 1e-9 * Math.max(Math.abs(expected), 1e-6);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
}

describe('Theil vs NumPy reference', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = theil(c.values, c.groups, { measures: c.measures });
      for (const m of c.measures) {
        const got = r[m]!;
        const exp = c.expected[m]!;
        close(got.total, exp.total, `${m} total`);
        close(got.within, exp.within, `${m} within`);
        close(got.between, exp.between, `${m} between`);
        close(got.within + got.between, got.total, `${m} within + between`);
        expect(got.groups.map((g) => g.name)).toEqual(exp.groups.map((g) => g.name));
        got.groups.forEach((g, k) => {
          close(g.index, exp.groups[k].index, `${m} ${g.name} index`);
          close(g.withinContribution, exp.groups[k].withinContribution, `${m} ${g.name} within`);
          close(g.betweenContribution, exp.groups[k].betweenContribution, `${m} ${g.name} between`);
        });
      }
    });
  }
});

describe('Theil errors', () => {
  it('L with a zero names the row', () => {
    try {
      theil([1, 0, 2], ['a', 'a', 'b'], { locate: (i) => ({ file: 'f.csv', row: i + 2 }), column: 'y' });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({ code: 'non-positive-value', row: 3, column: 'y' });
    }
  });
  it('T alone accepts zeros; zero mean is an error', () => {
    expect(theil([0, 1, 2], null, { measures: ['T'] }).T!.total).toBeGreaterThan(0);
    expect(() => theil([0, 0], null, { measures: ['T'] })).toThrow(/mean is 0/);
  });
});

describe('xinzhi analyze theil (CLI) on the province panel vs the NumPy reference', async () => {
  const { xinzhi, PANEL } = await import('./gini-cli-helpers.ts');
  it('matches the reference years', () => {
    const r = xinzhi([
      'analyze',
      'theil',
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
      results: Array<{
        time: number;
        T: { total: number; within: number; between: number };
        L: { total: number; within: number; between: number };
      }>;
    };
    for (const c of fixture.cases.filter((x) => x.name.startsWith('province'))) {
      const year = Number(/(\d{4})/.exec(c.name)![1]);
      const got = doc.results.find((x) => x.time === year)!;
      for (const m of ['T', 'L'] as const)
        for (const k of ['total', 'within', 'between'] as const)
          close(got[m][k], c.expected[m]![k], `${year} ${m} ${k}`);
    }
  });
});
