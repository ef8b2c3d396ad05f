/**
 * The faster code paths of the measurement pipeline give the numbers of the
 * plain definitions: the data fingerprint with an injected SHA-256
 * (node:crypto) equals the default (@noble/hashes) and a hash of the
 * documented canonical serialisation built independently here; min / average
 * ranks (bucket sort) equal the definition; the Monte Carlo ranker equals
 * rank(); correlations from the blocked cross-products equal the pairwise
 * formula. No timings are asserted (speed is measured in bench/).
 */
import { createHash } from 'node:crypto';
import { nodeSha256 } from '../../src/adapters/io/sha256.ts';
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { evaluate, regenerate } from '../../src/core/measure/evaluate.ts';
import { fingerprintPanel } from '../../src/core/measure/record.ts';
import { rank } from '../../src/core/measure/rank.ts';
import { makeRanker, makeRadixRanker } from '../../src/core/measure/uncertainty.ts';
import { correlationMatrix, crossProducts, correlationOf } from '../../src/core/measure/coherence.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';

const rng = seedrandom('fast-paths');

const rows: Array<Record<string, unknown>> = [];
for (let i = 0; i < 40; i++)
  for (let t = 0; t < 5; t++) {
    rows.push({
      u: i === 3 ? '北京' : `U${(i * 7) % 40}`,
      t: 2015 + t,
      x1: rng() * 10,
      x2: t === 2 && i === 5 ? NaN : rng(),
      x3: i % 4 === 0 ? -0 : rng() * 100,
      g: i < 20 ? 'E' : 'W',
    });
  }
rows.reverse();
const panel = panelFromRows(rows, 'u', 't');
const spec = {
  unit: 'u',
  time: 't',
  indicators: [
    { id: 'a', column: 'x1', direction: '+' },
    { id: 'b', column: 'x3', direction: '-' },
  ],
  score: { topsis: true },
};

describe('data fingerprint', () => {
  it('node:crypto and @noble/hashes give the same hex, which hashes the documented serialisation', () => {
    const cols = ['x3', 'x2', 'x1'],
      labels = ['g'];
    const noble = fingerprintPanel(panel, cols, labels);
    expect(fingerprintPanel(panel, cols, labels, nodeSha256)).toBe(noble);
    // the canonical bytes, built the slow and obvious way
    const order = panel.unit
      .map((_, i) => i)
      .sort((a, b) =>
        panel.unit[a] < panel.unit[b]
          ? -1
          : panel.unit[a] > panel.unit[b]
            ? 1
            : (panel.time[a] as number) - (panel.time[b] as number) || a - b,
      );
    const sortedCols = ['x1', 'x2', 'x3'];
    let text = JSON.stringify(['xinzhi-panel-v1', 'u', 't', sortedCols, labels]) + '\n';
    for (const r of order) text += JSON.stringify([panel.unit[r], panel.time[r], panel.labels!.g[r]]) + '\n';
    const h = createHash('sha256').update(Buffer.from(text, 'utf8'));
    for (const c of sortedCols) {
      const b = Buffer.alloc(order.length * 8);
      order.forEach((r, i) => {
        const v = panel.columns[c][r];
        if (Number.isNaN(v)) b.writeBigUInt64LE(0x7ff8000000000000n, i * 8);
        else b.writeDoubleLE(v === 0 ? 0 : v, i * 8);
      });
      h.update(b);
    }
    expect(noble).toBe(h.digest('hex'));
  });
  it('evaluate and regenerate accept the injected hash and record the same fingerprint', () => {
    const a = evaluate(panel, spec),
      b = evaluate(panel, spec, { hash: nodeSha256 });
    expect(b.record.dataFingerprint).toBe(a.record.dataFingerprint);
    expect(regenerate(a.record, panel, { hash: nodeSha256 }).scores).toEqual(a.scores);
  });
});

/** Ranks by definition: "min" = 1 + number of better values; "average" = mean of the block's positions. */
function naiveRank(v: number[], desc: boolean, average: boolean): number[] {
  const nums = v.filter((x) => !Number.isNaN(x));
  let nan = 0;
  return v.map((x) => {
    if (Number.isNaN(x)) return nums.length + ++nan;
    const better = nums.filter((y) => (desc ? y > x : y < x)).length;
    const equal = nums.filter((y) => y === x).length;
    return average ? better + (equal + 1) / 2 : better + 1;
  });
}

describe('ranks', () => {
  const gens: Array<() => number> = [
    () => rng(),
    () => Math.floor(rng() * 4),
    () => (rng() < 0.1 ? NaN : rng() < 0.2 ? -0 : rng() < 0.3 ? 0 : rng() - 0.5),
    () => Math.exp(30 * rng()),
  ];
  it('min and average ranks (both orders) equal the definition, with ties, ±0 and NaN', () => {
    for (let t = 0; t < 400; t++) {
      const v = Array.from({ length: Math.floor(rng() * (t % 10 === 0 ? 400 : 30)) }, gens[t % gens.length]);
      for (const desc of [true, false])
        for (const average of [false, true]) {
          expect(
            Array.from(rank(Float64Array.from(v), { order: desc ? 'desc' : 'asc', ties: average ? 'average' : 'min' })),
          ).toEqual(naiveRank(v, desc, average));
        }
    }
  });
  it('the Monte Carlo ranker equals rank() on spread, clustered and tied values', () => {
    for (let t = 0; t < 60; t++) {
      const n = 50 + Math.floor(rng() * 2000);
      const vals = Float64Array.from(
        { length: n + 10 },
        t % 3 === 0 ? () => Math.floor(rng() * 50) : t % 3 === 1 ? () => Math.exp(40 * rng()) : () => rng(),
      );
      const rows = Int32Array.from({ length: n }, (_, i) => i + 10);
      const want = Array.from(
        rank(
          Array.from(rows, (r) => vals[r]),
          { order: 'desc', ties: 'min' },
        ),
      );
      expect(Array.from(makeRanker(n)(vals, 0, rows).subarray(0, n))).toEqual(want);
      expect(Array.from(makeRadixRanker(n)(vals, 0, rows).subarray(0, n))).toEqual(want);
    }
  });
});

describe('correlations', () => {
  it('blocked cross-products give the pairwise Pearson numbers exactly', () => {
    const n = 1000;
    const cols = [
      Float64Array.from({ length: n }, () => rng()),
      Float64Array.from({ length: n }, () => 5),
      Float64Array.from({ length: n }, (_, i) => i % 7),
      Float64Array.from({ length: n }, () => rng() * 1e6),
    ];
    const pair = (x: Float64Array, y: Float64Array) => {
      let mx = 0,
        my = 0;
      for (let i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
      }
      mx /= n;
      my /= n;
      let sxx = 0,
        syy = 0,
        sxy = 0;
      for (let i = 0; i < n; i++) {
        sxx += (x[i] - mx) ** 2;
        syy += (y[i] - my) ** 2;
      }
      for (let i = 0; i < n; i++) sxy += (x[i] - mx) * (y[i] - my);
      return sxy / Math.sqrt(sxx * syy);
    };
    const R = correlationMatrix(cols);
    const cp = crossProducts(cols);
    for (const [a, b] of [
      [0, 2],
      [0, 3],
      [2, 3],
    ]) {
      expect(R[a][b]).toBe(pair(cols[a], cols[b]));
      expect(correlationOf(cp, b, a)).toBe(R[a][b]);
    }
    expect(R[1].every(Number.isNaN)).toBe(true);
    expect(R[0][0]).toBe(1);
  });
});
