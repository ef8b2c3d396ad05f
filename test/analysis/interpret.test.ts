/** Interpretation sentences (issue 9): stated rules, both languages, no verdict from a missing number. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultResult } from '../default-result.ts';
import { CHANGE_RULE, describeChange, interpretRun } from '../../src/core/analysis/interpret.ts';
import { ANALYSIS_NAMES, type ConvergenceRun, runAnalyses } from '../../src/core/analysis/runner.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')) as unknown;

describe('interpretation', () => {
  it('a change counts as a rise or a fall beyond 5% of the first value', () => {
    expect(CHANGE_RULE).toBe(0.05);
    expect(describeChange(1, 1.04).en).toMatch(/^about unchanged/);
    expect(describeChange(1, 1.2).en).toBe('rose (1.000 → 1.200, +20.0%)');
    expect(describeChange(1, 0.8).zh).toMatch(/^下降/);
    expect(describeChange(Number.NaN, 1).en).toMatch(/cannot be compared/);
  });

  it('every analysis of the default index has sentences in both languages, the same on every call', async () => {
    const r = await defaultResult();
    const out = runAnalyses(r, [...ANALYSIS_NAMES], {}, { geojson: GEO });
    for (const name of ANALYSIS_NAMES) {
      const run = out.runs[name];
      if (!run) continue;
      const text = interpretRun(run);
      expect(text.length, name).toBeGreaterThan(0);
      for (const x of text) {
        expect(x.zh.length).toBeGreaterThan(5);
        expect(x.en.length).toBeGreaterThan(5);
        expect(x.en).not.toMatch(/NaN|undefined|null/);
      }
      expect(interpretRun(run)).toEqual(text);
    }
    const gini = out.runs.gini!;
    const last = gini.rows[gini.rows.length - 1];
    const main = Object.entries(last.shares).sort((a, b) => b[1] - a[1])[0][0];
    const words = { within: 'within-group', between: 'between-group', transvariation: 'transvariation' } as const;
    expect(interpretRun(gini)[1].en).toContain(words[main as keyof typeof words]);
  });

  it('gives no convergence verdict when the standard error is missing', async () => {
    const r = await defaultResult();
    const run = runAnalyses(r, ['convergence'], {}, {}).runs.convergence as ConvergenceRun;
    const beta = run.beta!;
    const broken: ConvergenceRun = {
      ...run,
      beta: {
        ...beta,
        regression: {
          ...beta.regression,
          coefficients: beta.regression.coefficients.map((c) =>
            c.name === 'ln_y' ? { ...c, se: Number.NaN, p: Number.NaN } : c,
          ),
        },
      },
    };
    const text = interpretRun(broken)
      .map((x) => x.en)
      .join(' ');
    expect(text).toMatch(/no verdict on convergence/);
    expect(text).not.toMatch(/significantly negative/);
  });
});

describe('index interpretation', () => {
  it('names the first and last unit of the latest period and the change of mean and spread', async () => {
    const { interpretIndex } = await import('../../src/core/analysis/interpret-index.ts');
    const r = await defaultResult();
    const last = r.times[r.times.length - 1];
    const rows = r.scores.filter((x) => String(x.time) === String(last)).sort((a, b) => b.score - a.score);
    const text = interpretIndex(r);
    expect(text[0].en).toContain(`${rows[0].unit} ranks first (${rows[0].score.toFixed(3)})`);
    expect(text[0].en).toContain(`${rows[rows.length - 1].unit} last`);
    expect(text[1].en).toMatch(/mean score (rose|fell|about unchanged)/);
    // one unit: no ranking
    const one = { ...r, scores: r.scores.filter((x) => x.unit === rows[0].unit) };
    expect(interpretIndex(one)[0].en).toMatch(/one unit/);
  });
});
