import { describe, expect, it } from 'vitest';
import {
  centroids,
  contiguityWeights,
  inverseDistanceWeights,
  knnWeights,
  rowStandardise,
  edgeListWeights,
} from '../../src/core/analysis/spatial-weights.ts';
import {
  moran,
  moranPermutation,
  moranScatter,
  moranStatistic,
  rng,
  rngState,
  shuffle,
  shuffleXoshiro,
  weightsConstants,
  xoshiro128ss,
} from '../../src/core/analysis/moran.ts';
import { close, fixture, shapes31, spdep, units31, values } from './spatial-helpers.ts';

async function weightsFor(kind: string) {
  const shapes = await shapes31();
  if (kind === 'queen') return rowStandardise(contiguityWeights(units31, shapes, { type: 'queen' }));
  if (kind === 'queen-none')
    return rowStandardise(contiguityWeights(units31, shapes, { type: 'queen', islands: 'none' }));
  if (kind === 'knn4') return rowStandardise(knnWeights(units31, centroids(shapes), 4, 'greatCircle'));
  return rowStandardise(inverseDistanceWeights(units31, centroids(shapes)));
}

describe("global Moran's I against spdep moran.test", () => {
  const cases = spdep.moran as Array<Record<string, number | string>>;
  it(`${cases.length} cases (3 columns × 10 years queen, plus isolate / knn / idw in 2022) match to 1e-9`, async () => {
    const cache = new Map<string, Awaited<ReturnType<typeof weightsFor>>>();
    for (const c of cases) {
      const kind = String(c.weights);
      if (!cache.has(kind)) cache.set(kind, await weightsFor(kind));
      const r = moran(values(String(c.column), Number(c.year)), cache.get(kind)!);
      const tag = `${c.column} ${c.year} ${kind}`;
      // idw distances: s2 (R) vs haversine (here) agree to ~1e-13; 1e-9 still holds.
      for (const [ours, ref] of [
        [r.I, c.I],
        [r.expected, c.EI],
        [r.variance, c.var],
        [r.z, c.z],
        [r.p, c.p],
        [r.varianceNormal, c.varN],
        [r.zNormal, c.zN],
        [r.pNormal, c.pN],
      ] as const) {
        expect(close(ours, Number(ref), 1e-9), `${tag}: ${ours} vs ${ref}`).toBe(true);
      }
    }
  });

  it('isolated unit (Hainan without the island fix): spdep zero.policy / adjust.n conventions', async () => {
    const w = await weightsFor('queen-none');
    expect(weightsConstants(w).n).toBe(30);
    const c = (spdep.moran as Array<Record<string, number | string>>).find((m) => m.weights === 'queen-none')!;
    expect(close(moran(values(String(c.column), 2022), w).I, Number(c.I))).toBe(true);
  });

  it('edge list weights give the same I as queen contiguity', async () => {
    const q = await weightsFor('queen');
    const edges = q.ids.flatMap((u, i) =>
      Array.from(q.neighbours.subarray(q.offsets[i], q.offsets[i + 1]), (j) => ({ from: u, to: q.ids[j] })),
    );
    const e = rowStandardise(edgeListWeights(units31, edges));
    const x = values('Digital Economy', 2020);
    expect(moran(x, e).I).toBe(moran(x, q).I);
  });

  it('moran.mc: same observed I; permutation mean and variance agree with spdep within Monte Carlo error', async () => {
    const w = await weightsFor('queen');
    const x = values('Urbanization Level', 2022);
    const mc = spdep.moranmc as Record<string, number>;
    const r = moranPermutation(x, w, { permutations: 9999, seed: 'xinzhi' });
    expect(close(r.I, mc.I)).toBe(true);
    // Var of I under permutation ≈ 0.0135: the mean of 9999 draws has sd ≈ 0.0012.
    expect(Math.abs(r.mean - mc.mean)).toBeLessThan(0.005);
    expect(Math.abs(r.variance / mc.var - 1)).toBeLessThan(0.06);
    expect(r.p).toBeLessThan(0.01);
    expect(mc.p).toBeLessThan(0.01);
    // Same seed, same draws.
    expect(moranPermutation(x, w, { permutations: 99, seed: 3 }).p).toBe(
      moranPermutation(x, w, { permutations: 99, seed: 3 }).p,
    );
  });

  it('scatter slope equals I for row-standardised weights without isolates', async () => {
    const w = await weightsFor('queen');
    const x = values('Digital Economy', 2022);
    expect(close(moranScatter(x, w).slope, moran(x, w).I, 1e-12)).toBe(true);
  });
});

describe('permutation generator (xoshiro128**, seeded through seedrandom)', () => {
  it('xoshiro128** outputs equal the reference C implementation', () => {
    for (const c of fixture('xoshiro128ss.json').cases as Array<{
      state: number[];
      first: number[];
      millionth: number;
    }>) {
      const s = Int32Array.from(c.state, (v) => v | 0);
      expect(c.first.map(() => xoshiro128ss(s))).toEqual(c.first);
      for (let i = 10; i < 999_999; i++) xoshiro128ss(s);
      expect(xoshiro128ss(s)).toBe(c.millionth);
    }
  });

  it('rng: 53-bit uniforms in [0, 1) from pairs of outputs; same seed, same draws', () => {
    const s = rngState('x');
    const a = xoshiro128ss(s),
      b = xoshiro128ss(s);
    expect(rng('x')()).toBe(((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53);
    const r = rng(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005); // sd of the mean ≈ 0.0009
    expect(Array.from({ length: 5 }, rng('s'))).toEqual(Array.from({ length: 5 }, rng('s')));
    expect(rng('s')()).not.toBe(rng('t')());
  });

  it('the inlined shuffle draws as shuffle(·, rng(seed)) and permutes the values', () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => i * 1.5);
    const a = Float64Array.from(x),
      b = Float64Array.from(x);
    const s = rngState(11);
    const r = rng(11);
    for (let t = 0; t < 20; t++) {
      shuffleXoshiro(a, s);
      shuffle(b, r);
      expect(a).toEqual(b);
    }
    expect(Array.from(a).sort((p, q) => p - q)).toEqual(Array.from(x));
    expect(a).not.toEqual(x);
  });

  it('moranPermutation: each permuted I is I of the seeded shuffles; p = (M + 1)/(R + 1)', async () => {
    const w = await weightsFor('queen');
    const x = values('Digital Economy', 2021);
    const res = moranPermutation(x, w, { permutations: 199, seed: 'check' });
    const { n, S0 } = weightsConstants(w);
    let m = 0;
    for (let i = 0; i < x.length; i++) m += x[i];
    const perm = Float64Array.from(x, (v) => v - m / x.length);
    const r = rng('check');
    for (let k = 0; k < 199; k++) {
      shuffle(perm, r);
      expect(res.distribution[k]).toBe(moranStatistic(perm, w, n, S0));
    }
    const M = res.distribution.filter((v) => v >= res.I).length;
    expect(res.p).toBe((M + 1) / 200);
  });
});

describe('degenerate cases', () => {
  const w = rowStandardise(
    edgeListWeights(
      ['a', 'b', 'c', 'd'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
        { from: 'c', to: 'd' },
        { from: 'd', to: 'c' },
      ],
    ),
  );
  it('all values equal: I is NaN with a warning', () => {
    const r = moran([2, 2, 2, 2], w);
    expect(Number.isNaN(r.I)).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/undefined/);
  });
  it('a path of four units: I by hand', () => {
    // z = (-1.5, -0.5, 0.5, 1.5); Σz² = 5; Σ_i z_i (Wz)_i = -1.5·-0.5 + -0.5·(-1.5+0.5)/2 + 0.5·(-0.5+1.5)/2 + 1.5·0.5 = 2
    expect(moran([1, 2, 3, 4], w).I).toBeCloseTo((4 / 4) * (2 / 5), 14);
  });
});
