/**
 * Kernel density against R (test/reference/analysis/kde_reference.R →
 * fixtures/kde.json): bw.nrd0 / bw.nrd exactly, density()'s grid, the exact
 * kernel sum at the grid points (R), R's density() (FFT approximation, loose),
 * and per-time summaries; SciPy's gaussian_kde for the "scipy-scott" bandwidth
 * (kde_scipy_reference.py → fixtures/kde_scipy.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bwNrd, bwNrd0, bwScipyScott, densityAt, kdeByTime, type Kernel } from '../../src/core/analysis/kde.ts';
import { XinzhiError } from '../../src/core/errors.ts';

interface Summary {
  time: number;
  n: number;
  mean: number;
  median: number;
  sd: number;
  iqr: number;
  bandwidth: number;
  skewness: number;
  mode: number;
  peaks: number[];
}
interface Case {
  name: string;
  kernel: Kernel;
  bw: 'silverman' | 'scott';
  values: number[];
  times: number[];
  grid: number[];
  density: number[][];
  rDensity?: number[];
  summaries: Summary[];
}
const fx = JSON.parse(readFileSync(new URL('../reference/analysis/fixtures/kde.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  bandwidths: Array<{ x: number[]; nrd0: number; nrd: number }>;
};
const sp = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/kde_scipy.json', import.meta.url), 'utf8'),
) as {
  cases: Array<{ name: string; values: number[]; bandwidth: number; grid: number[]; density: number[] }>;
};

function close(actual: number, expected: number, what: string, rel = 1e-9, floor = 1e-300): void {
  const tol = rel * Math.max(Math.abs(expected), floor);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
}

describe('kernel density vs R', () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const r = kdeByTime(c.values, c.times, { kernel: c.kernel, bw: c.bw, points: c.grid.length });
      expect(r.grid.length).toBe(c.grid.length);
      r.grid.forEach((g, i) => close(g, c.grid[i], `grid[${i}]`, 1e-12, 1));
      r.density.forEach((row, t) =>
        row.forEach((v, g) => {
          // exact kernel sums; tails below 1e-12 of the peak compared absolutely
          close(v, c.density[t][g], `density[${t}][${g}]`, 1e-9, 1e-12 * Math.max(...c.density[t]));
        }),
      );
      if (c.rDensity) {
        const peak = Math.max(...c.rDensity);
        r.density[0].forEach((v, g) => expect(Math.abs(v - c.rDensity![g])).toBeLessThan(0.02 * peak));
      }
      r.summaries.forEach((s, t) => {
        const e = c.summaries[t];
        expect(s.time).toBe(e.time);
        expect(s.n).toBe(e.n);
        for (const k of ['mean', 'median', 'sd', 'iqr', 'bandwidth', 'mode'] as const)
          close(s[k], e[k], k, 1e-9, 1e-12);
        close(s.skewness, e.skewness, 'skewness', 1e-9, 1e-12);
        expect(s.peaks.length).toBe(e.peaks.length);
        s.peaks.forEach((p, k) => close(p.x, e.peaks[k], 'peak', 1e-9, 1e-12));
      });
    });
  }
  it('bw.nrd0 / bw.nrd exactly, including the nrd0 fallback', () => {
    for (const b of fx.bandwidths) {
      close(bwNrd0(b.x), b.nrd0, `nrd0 ${b.x}`);
      if (b.nrd === 0) expect(bwNrd(b.x)).toBe(0);
      else close(bwNrd(b.x), b.nrd, `nrd ${b.x}`);
    }
  });
  it('a zero bandwidth from the scott rule is an error with a fix', () => {
    expect(() => kdeByTime([1, 1, 1, 1, 5], null, { bw: 'scott' })).toThrow(XinzhiError);
  });
});

describe('scipy-scott bandwidth vs SciPy gaussian_kde', () => {
  for (const c of sp.cases) {
    it(c.name, () => {
      close(bwScipyScott(c.values), c.bandwidth, 'bandwidth');
      const f = densityAt(c.values, c.grid, c.bandwidth, 'gaussian');
      const peak = Math.max(...c.density);
      f.forEach((v, g) => close(v, c.density[g], `density[${g}]`, 1e-9, 1e-12 * peak));
    });
  }
});

describe('xinzhi analyze kde (CLI) and report section', async () => {
  const { xinzhi, PANEL } = await import('./gini-cli-helpers.ts');
  it('per-year bandwidths and summaries match R for 2022; the grid is shared', () => {
    const r = xinzhi(['analyze', 'kde', '--data', PANEL, '--time', 'Year', '--value', 'Digital Economy', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      times: number[];
      grid: number[];
      density: number[][];
      summaries: Array<{ time: number; bandwidth: number; mean: number; sd: number }>;
    };
    expect(doc.grid.length).toBe(512);
    expect(doc.density.length).toBe(doc.times.length);
    const ref = fx.cases.find((c) => c.name === 'province Digital Economy 2022 gaussian silverman')!.summaries[0];
    const got = doc.summaries.find((s) => s.time === 2022)!;
    close(got.bandwidth, ref.bandwidth, 'bandwidth');
    close(got.mean, ref.mean, 'mean');
    close(got.sd, ref.sd, 'sd');
  });
  it('renders the ridgeline section', async () => {
    const { kdeSection } = await import('../../src/adapters/report/sections/kde.ts');
    const c = fx.cases.find((x) => x.name.includes('shared grid'))!;
    const s = kdeSection(kdeByTime(c.values, c.times), { lang: 'en', value: 'Digital Economy' });
    expect(s.html).toContain('<svg');
    expect(s.html).toContain('ridgeline');
  });
});
