import { describe, expect, it } from 'vitest';
import {
  centroids,
  contiguityWeights,
  economicWeights,
  edgeListWeights,
  inverseDistanceWeights,
  isSymmetric,
  knnWeights,
  lag,
  nestedWeights,
  rowStandardise,
  subset,
  toDense,
  toNeighbourList,
} from '../../src/core/analysis/spatial-weights.ts';
import { centroid, haversineKm, area } from '../../src/core/geo/geometry.ts';
import { readEdgeList, shapesForUnits } from '../../src/adapters/io/spatial.ts';
import { close, geojson, shapes31, spdep, units31 } from './spatial-helpers.ts';

const names = (w: ReturnType<typeof contiguityWeights>) => {
  const nb = toNeighbourList(w);
  return nb.neighbours.map((js) => js.map((j) => w.ids[j]).sort());
};

describe('contiguity against spdep poly2nb (same geojson, same snap)', () => {
  const en = geojson().features.map((f) => f.properties.ADM1_EN);
  for (const [type, snapKey, snap] of [
    ['queen', 'default', undefined],
    ['rook', 'default', undefined],
    ['queen', 's0.1', 0.1],
    ['rook', 's0.1', 0.1],
  ] as const) {
    it(`${type} snap ${snapKey}, 34 features, no island fix`, async () => {
      const shapes = await shapesForUnits(en);
      const w = contiguityWeights(spdep.names34, shapes, { type, snap, islands: 'none' });
      const expected = (spdep[`${type}34_${snapKey}`] as string[][]).map((l) => [...l].sort());
      expect(names(w)).toEqual(expected);
      expect(isSymmetric(w)).toBe(true);
    });
  }

  it('31 panel provinces: raw queen equals spdep; the nearest-island fix links Hainan to Guangdong as spdep + documented fix', async () => {
    const shapes = await shapes31();
    const raw = contiguityWeights(units31, shapes, { type: 'queen', islands: 'none' });
    expect(names(raw)).toEqual((spdep.queen31_raw as string[][]).map((l) => [...l].sort()));
    const fixed = contiguityWeights(units31, shapes, { type: 'queen' });
    expect(names(fixed)).toEqual((spdep.queen31 as string[][]).map((l) => [...l].sort()));
    expect(fixed.islandLinks).toEqual([['Hainan', 'Guangdong']]);
    const pairs = contiguityWeights(units31, shapes, {
      type: 'queen',
      islands: [
        ['Hainan', 'Guangdong'],
        ['Hainan', 'Guangxi'],
      ],
    });
    expect(names(pairs)[units31.indexOf('Hainan')]).toEqual(['Guangdong', 'Guangxi']);
  });

  it('nearest island neighbours agree with sf great-circle polygon distances (Hainan, Taiwan)', async () => {
    const en = geojson().features.map((f) => f.properties.ADM1_EN);
    const w = contiguityWeights(spdep.names34, await shapesForUnits(en), { type: 'queen' });
    const links = Object.fromEntries(w.islandLinks!.map(([a, b]) => [a, b]));
    expect(links.Hainan).toBe(spdep.nearest_Hainan);
    expect(links.Taiwan).toBe(spdep.nearest_Taiwan);
  });
});

describe('centroids, knn, idw', () => {
  it('area-weighted centroids equal GEOS st_centroid (s2 off)', async () => {
    const en = geojson().features.map((f) => f.properties.ADM1_EN);
    const cs = (await shapesForUnits(en)).map(centroid);
    cs.forEach(([x, y], i) => {
      expect(close(x, spdep.centroid_x[i], 1e-9)).toBe(true);
      expect(close(y, spdep.centroid_y[i], 1e-9)).toBe(true);
    });
  });

  it('knn k = 4 on centroids equals spdep knearneigh(longlat = TRUE)', async () => {
    const w = knnWeights(units31, centroids(await shapes31()), 4, 'greatCircle');
    expect(names(w)).toEqual((spdep.knn4 as string[][]).map((l) => [...l].sort()));
  });

  it('knn grid search equals a brute-force scan on random planar points', () => {
    let s = 7;
    const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const pts = Array.from({ length: 500 }, () => [rand() * 10, rand() * 3] as [number, number]);
    const ids = pts.map((_, i) => `p${i}`);
    const w = knnWeights(ids, pts, 6, 'euclidean');
    const nb = toNeighbourList(w).neighbours;
    pts.forEach((p, i) => {
      const order = pts
        .map((q, j) => [Math.hypot(q[0] - p[0], q[1] - p[1]), j] as const)
        .filter(([, j]) => j !== i)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(nb[i]).toEqual(
        order
          .slice(0, 6)
          .map(([, j]) => j)
          .sort((a, b) => a - b),
      );
    });
  });

  it('haversine, area and ties', () => {
    // 1° of longitude on the equator: 2πR/360.
    expect(close(haversineKm([0, 0], [1, 0]), (2 * Math.PI * 6371.0088) / 360, 1e-12)).toBe(true);
    expect(
      area([
        [
          [
            [0, 0],
            [2, 0],
            [2, 1],
            [0, 1],
            [0, 0],
          ],
          [
            [0.5, 0.25],
            [1, 0.25],
            [1, 0.75],
            [0.5, 0.75],
          ],
        ],
      ]),
    ).toBeCloseTo(1.75, 14);
    // Ties go to the lower index: points 1 and 2 are equally far from 0.
    const w = knnWeights(
      ['a', 'b', 'c', 'd'],
      [
        [0, 0],
        [1, 0],
        [-1, 0],
        [5, 5],
      ],
      1,
      'euclidean',
    );
    expect(toNeighbourList(w).neighbours[0]).toEqual([1]);
  });

  it('idw row-standardised: w_ij ∝ 1/d_ij, rows sum to 1, cutoff drops far pairs', async () => {
    const pts = centroids(await shapes31());
    const w = rowStandardise(inverseDistanceWeights(units31, pts));
    const d = toDense(w);
    for (let i = 0; i < 31; i++) {
      expect(
        close(
          d[i].reduce((a, b) => a + b, 0),
          1,
          1e-12,
        ),
      ).toBe(true);
      // ratio of two weights = inverse ratio of distances
      const j = (i + 1) % 31,
        k = (i + 2) % 31;
      expect(close(d[i][j] / d[i][k], haversineKm(pts[i], pts[k]) / haversineKm(pts[i], pts[j]), 1e-12)).toBe(true);
    }
    const cut = inverseDistanceWeights(units31, pts, { cutoff: 800 });
    expect(cut.neighbours.length).toBeLessThan(31 * 30);
  });
});

describe('economic, nested, edge list, subset', () => {
  it('economic weights 1/|ḡi − ḡj| and the nested form', () => {
    const w = economicWeights(['a', 'b', 'c'], [1, 2, 4]);
    expect(toDense(w)).toEqual([
      [0, 1, 1 / 3],
      [1, 0, 0.5],
      [1 / 3, 0.5, 0],
    ]);
    expect(() => economicWeights(['a', 'b'], [1, 1])).toThrow(/same/);
    const geo = inverseDistanceWeights(
      ['a', 'b', 'c'],
      [
        [0, 0],
        [1, 0],
        [3, 0],
      ],
      { metric: 'euclidean' },
    );
    const n = toDense(nestedWeights(geo, w, 0.5));
    // row a: W_d = (0, 1, 1/3)/(4/3) = (0, .75, .25); W_e = same → nested equal
    expect(n[0][1]).toBeCloseTo(0.75, 14);
    expect(n[1][0]).toBeCloseTo(0.5 * (1 / 1.5) + 0.5 * (1 / 1.5), 14);
  });

  it('edge list file reproduces the queen matrix; unknown units are errors', async () => {
    const edges = await readEdgeList(
      new URL('test/reference/analysis/fixtures/queen31_edges.csv', new URL('../../', import.meta.url)).pathname,
    );
    const w = edgeListWeights(units31, edges);
    expect(names(w)).toEqual((spdep.queen31 as string[][]).map((l) => [...l].sort()));
    expect(() => edgeListWeights(['a', 'b'], [{ from: 'a', to: 'x' }])).toThrow(/not in the data/);
    expect(() =>
      edgeListWeights(
        ['a', 'b'],
        [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'b' },
        ],
      ),
    ).toThrow(/duplicate/);
  });

  it('subset keeps links among kept units; row standardisation leaves zero rows zero', () => {
    const w = edgeListWeights(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
      ],
    );
    const s = rowStandardise(subset(w, [0, 2]));
    expect(toDense(s)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(Array.from(lag(rowStandardise(w), [1, 2, 3]))).toEqual([2, 2, 2]);
  });
});
