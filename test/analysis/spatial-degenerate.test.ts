/**
 * Spatial statistics on degenerate and extreme input (issue "bad input never
 * returns a silent null"): finite values near 1e300 give the same statistics
 * as the same values scaled down (the statistics do not depend on scale, and
 * the sums are taken in units of a power of two, so nothing overflows); too
 * few units or a complete graph leave z and p absent with a warning that says
 * why, never silently.
 */
import { describe, expect, it } from 'vitest';
import { geary } from '../../src/core/analysis/geary.ts';
import { localMoran } from '../../src/core/analysis/lisa.ts';
import { moran, moranPermutation, moranScatter, pow2Scale } from '../../src/core/analysis/moran.ts';
import { fromNeighbourList, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';
import { kdeByTime } from '../../src/core/analysis/kde.ts';
import { sd } from '../../src/core/stats/descriptive.ts';

/** A ring of n units, each linked to both neighbours, row-standardised. */
function ring(n: number) {
  const nb = Array.from({ length: n }, (_, i) => [(i + n - 1) % n, (i + 1) % n]);
  return rowStandardise(fromNeighbourList({ ids: nb.map((_, i) => `u${i}`), neighbours: nb }, 'ring'));
}
/** Every unit linked to every other. */
function complete(n: number) {
  const nb = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i));
  return rowStandardise(fromNeighbourList({ ids: nb.map((_, i) => `u${i}`), neighbours: nb }, 'complete'));
}

const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
// 2^996 ≈ 6.7e299: an exact scaling, so every statistic must come out with the same bits
const huge = x.map((v) => v * 2 ** 996);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('spatial statistics near the largest finite numbers', () => {
  it('pow2Scale is an exact power of two at or below max |x|', () => {
    expect(pow2Scale([3, -10])).toBe(8);
    expect(pow2Scale([0, 0])).toBe(1);
    expect(pow2Scale([1e300])).toBe(2 ** 996);
  });

  it("Moran's I, its z and the permutation test are finite and equal to the scaled-down data", () => {
    const w = ring(x.length);
    const a = moran(huge, w);
    const b = moran(x, w);
    for (const k of ['I', 'z', 'p', 'variance', 'K'] as const) {
      expect(Number.isFinite(a[k])).toBe(true);
      expect(rel(a[k], b[k])).toBeLessThan(1e-12);
    }
    expect(a.warnings).toEqual([]);
    const pa = moranPermutation(huge, w, { permutations: 99, seed: 1 });
    const pb = moranPermutation(x, w, { permutations: 99, seed: 1 });
    expect(rel(pa.I, pb.I)).toBeLessThan(1e-12);
    expect(pa.p).toBe(pb.p);
    const sa = moranScatter(huge, w);
    expect(Number.isFinite(sa.slope)).toBe(true);
    expect(rel(sa.slope, moranScatter(x, w).slope)).toBeLessThan(1e-12);
  });

  it("Geary's C and local Moran are finite and equal to the scaled-down data", () => {
    const w = ring(x.length);
    const a = geary(huge, w);
    const b = geary(x, w);
    for (const k of ['C', 'z', 'variance'] as const) expect(rel(a[k], b[k])).toBeLessThan(1e-12);
    const la = localMoran(huge, w);
    const lb = localMoran(x, w);
    la.Ii.forEach((v, i) => {
      expect(rel(v, lb.Ii[i])).toBeLessThan(1e-12);
      expect(rel(la.z[i], lb.z[i])).toBeLessThan(1e-12);
    });
    expect(la.centred[5]).toBe((9 - x.reduce((s, v) => s + v, 0) / x.length) * 2 ** 996);
  });
});

describe('spatial statistics on values of 1e300 (not an exact scaling)', () => {
  it('Moran, Geary and local Moran stay finite and agree with the scaled-down data to rounding', () => {
    const w = ring(x.length);
    const big = x.map((v) => v * 1e300);
    expect(rel(moran(big, w).I, moran(x, w).I)).toBeLessThan(1e-9);
    expect(rel(moran(big, w).z, moran(x, w).z)).toBeLessThan(1e-9);
    expect(rel(geary(big, w).C, geary(x, w).C)).toBeLessThan(1e-9);
    expect(localMoran(big, w).Ii.every(Number.isFinite)).toBe(true);
  });
});

describe('spatial statistics on degenerate layouts say why z and p are absent', () => {
  it('three linked units: I is given, z and p are NaN with a warning naming n', () => {
    const r = moran([1, 2, 4], ring(3));
    expect(Number.isFinite(r.I)).toBe(true);
    expect(Number.isNaN(r.z) || !Number.isFinite(r.z)).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/fewer than four units with neighbours \(n = 3\)/);
    const g = geary([1, 2, 4], ring(3));
    expect(g.warnings.join(' ')).toMatch(/Geary's C: fewer than four/);
  });

  it('a complete graph: I = −1/(n − 1) exactly, no variance, a warning instead of a silent null', () => {
    const r = moran([1, 2, 4, 8, 16], complete(5));
    expect(r.I).toBeCloseTo(-0.25, 12);
    expect(r.variance > 0).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/not positive/);
  });

  it('local Moran with two units warns that its variances are undefined', () => {
    const nb = { ids: ['a', 'b'], neighbours: [[1], [0]] };
    const r = localMoran([1, 2], rowStandardise(fromNeighbourList(nb, 'pair')));
    expect(r.warnings.join(' ')).toMatch(/fewer than three units/);
  });
});

describe('standard deviations and kernel densities near 1e300', () => {
  it('sd is finite and scales exactly (2^k) where the squares would overflow; ordinary data unchanged', () => {
    expect(sd(huge)).toBe(sd(x) * 2 ** 996);
    expect(Number.isFinite(sd(x.map((v) => v * 1e300)))).toBe(true);
    expect(sd([1, 2, 3, 4])).toBe(Math.sqrt(5 / 3));
  });
  it('the kernel density has a finite bandwidth and densities that scale by 2^-k', () => {
    const a = kdeByTime(huge, null, { points: 64 });
    const b = kdeByTime(x, null, { points: 64 });
    expect(a.summaries[0].bandwidth).toBe(b.summaries[0].bandwidth * 2 ** 996);
    expect(a.density[0].every(Number.isFinite)).toBe(true);
    a.density[0].forEach((d, i) => expect(rel(d * 2 ** 996, b.density[0][i])).toBeLessThan(1e-12));
  });
});
