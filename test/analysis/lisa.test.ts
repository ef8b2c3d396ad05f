import { describe, expect, it } from 'vitest';
import { contiguityWeights, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';
import { localMoran } from '../../src/core/analysis/lisa.ts';
import { close, shapes31, spdep, units31, values } from './spatial-helpers.ts';

const quad: Record<string, string> = { 'High-High': 'HH', 'Low-Low': 'LL', 'High-Low': 'HL', 'Low-High': 'LH' };

describe('local Moran against spdep localmoran', () => {
  for (const variant of ['conditional', 'total'] as const) {
    it(`${variant} randomisation: Ii, E, Var, Z, p and quadrants to 1e-9`, async () => {
      const w = rowStandardise(contiguityWeights(units31, await shapes31(), { type: 'queen' }));
      const r = localMoran(values('Urbanization Level', 2022), w, { conditional: variant === 'conditional' });
      const ref = spdep[`local_${variant}`];
      for (let i = 0; i < 31; i++) {
        for (const [ours, exp] of [
          [r.Ii[i], ref.Ii[i]],
          [r.expected[i], ref.E[i]],
          [r.variance[i], ref.V[i]],
          [r.z[i], ref.Z[i]],
          [r.p[i], ref.P[i]],
        ]) {
          expect(close(ours, exp, 1e-9), `${units31[i]}: ${ours} vs ${exp}`).toBe(true);
        }
        expect(r.quadrant[i]).toBe(quad[ref.quadrant[i]]);
      }
    });
  }

  it('isolated unit: Ii = 0, variance 0, cluster ns (spdep zero.policy)', async () => {
    const w = rowStandardise(contiguityWeights(units31, await shapes31(), { type: 'queen', islands: 'none' }));
    const r = localMoran(values('Urbanization Level', 2022), w);
    const h = units31.indexOf('Hainan');
    expect(Math.abs(r.Ii[h])).toBe(0);
    expect(r.variance[h]).toBe(0);
    expect(r.cluster[h]).toBe('ns');
    for (let i = 0; i < 31; i++) expect(close(r.Ii[i], spdep.local_isolate.Ii[i], 1e-9)).toBe(true);
  });

  it('clusters at α and conditional permutation p-values (seeded, folded)', async () => {
    const w = rowStandardise(contiguityWeights(units31, await shapes31(), { type: 'queen' }));
    const x = values('Urbanization Level', 2022);
    const a = localMoran(x, w, { alpha: 0.05 });
    a.cluster.forEach((c, i) => expect(c).toBe(a.p[i] <= 0.05 ? a.quadrant[i] : 'ns'));
    const p1 = localMoran(x, w, { permutations: 999, seed: 9 });
    const p2 = localMoran(x, w, { permutations: 999, seed: 9 });
    expect(Array.from(p1.pSim!)).toEqual(Array.from(p2.pSim!));
    for (const v of p1.pSim!) {
      expect(v).toBeGreaterThanOrEqual(1 / 1000);
      expect(v).toBeLessThanOrEqual(0.5 + 1 / 1000);
    }
    // The strongest analytical signals are also significant by permutation.
    const strongest = Array.from(a.z)
      .map((z, i) => [Math.abs(z), i])
      .sort((p, q) => q[0] - p[0])[0][1];
    expect(p1.pSim![strongest]).toBeLessThan(0.05);
  });

  it('all-equal values: NaN with a warning', () => {
    const w = rowStandardise(
      contiguityWeights(
        ['a', 'b'],
        [
          [
            [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          ],
          [
            [
              [
                [1, 0],
                [2, 0],
                [2, 1],
                [1, 1],
              ],
            ],
          ],
        ],
        { type: 'rook', geographic: false },
      ),
    );
    const r = localMoran([3, 3], w);
    expect(Number.isNaN(r.Ii[0])).toBe(true);
    expect(r.warnings.length).toBe(1);
  });
});
