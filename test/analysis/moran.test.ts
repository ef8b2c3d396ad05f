import { describe, expect, it } from 'vitest';
import { centroids, contiguityWeights, inverseDistanceWeights, knnWeights, rowStandardise, edgeListWeights } from '../../src/core/analysis/spatial-weights.ts';
import { moran, moranPermutation, moranScatter, weightsConstants } from '../../src/core/analysis/moran.ts';
import { close, shapes31, spdep, units31, values } from './spatial-helpers.ts';

async function weightsFor(kind: string) {
  const shapes = await shapes31();
  if (kind === 'queen') return rowStandardise(contiguityWeights(units31, shapes, { type: 'queen' }));
  if (kind === 'queen-none') return rowStandardise(contiguityWeights(units31, shapes, { type: 'queen', islands: 'none' }));
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
      for (const [ours, ref] of [[r.I, c.I], [r.expected, c.EI], [r.variance, c.var], [r.z, c.z], [r.p, c.p], [r.varianceNormal, c.varN], [r.zNormal, c.zN], [r.pNormal, c.pN]] as const) {
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
    const edges = q.ids.flatMap((u, i) => Array.from(q.neighbours.subarray(q.offsets[i], q.offsets[i + 1]), (j) => ({ from: u, to: q.ids[j] })));
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
    expect(moranPermutation(x, w, { permutations: 99, seed: 3 }).p).toBe(moranPermutation(x, w, { permutations: 99, seed: 3 }).p);
  });

  it('scatter slope equals I for row-standardised weights without isolates', async () => {
    const w = await weightsFor('queen');
    const x = values('Digital Economy', 2022);
    expect(close(moranScatter(x, w).slope, moran(x, w).I, 1e-12)).toBe(true);
  });
});

describe('degenerate cases', () => {
  const w = rowStandardise(edgeListWeights(['a', 'b', 'c', 'd'], [
    { from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'b', to: 'c' }, { from: 'c', to: 'b' }, { from: 'c', to: 'd' }, { from: 'd', to: 'c' },
  ]));
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
