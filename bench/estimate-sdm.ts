/**
 * Benchmark: a two-way fixed-effects spatial Durbin model on 3,000 simulated
 * regions × 10 periods × 3 regressors by ML, with observed-information
 * standard errors, exact impacts and 1,000 simulation draws of their standard
 * errors — next to the same estimator in R (bench/estimate_sdm.R: base R
 * eigen on LAPACK, optimize) in the same run. The weights are symmetrised
 * 6-nearest-neighbour links between random points (i ~ j when either is
 * among the other's six nearest), row-standardised; the log-determinant comes
 * from the eigenvalues of the symmetric form D^(−1/2)AD^(−1/2), computed once.
 * Run: node bin/run-ts.js bench/estimate-sdm.ts [regions] [periods]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { fromNeighbourList, knnWeights, toNeighbourList } from '../src/core/analysis/spatial-weights.ts';
import { estimateSpatialPanel } from '../src/core/estimate/sdm.ts';

const N = Number(process.argv[2] ?? 3000);
const T = Number(process.argv[3] ?? 10);
const rand = seedrandom('bench-sdm');
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const pts: Array<[number, number]> = Array.from({ length: N }, () => [rand() * 100, rand() * 100]);
const ids = pts.map((_, i) => `r${i + 1}`);
const knn = toNeighbourList(knnWeights(ids, pts, 6, 'euclidean'));
const sets = knn.neighbours.map((l) => new Set(l));
knn.neighbours.forEach((l, i) => {
  for (const j of l) sets[j].add(i);
});
const A = fromNeighbourList({ ids, neighbours: sets.map((s) => [...s]) }, 'symmetrised 6-nn');

// y = (I − ρW)⁻¹(Xβ + WXθ + μ_i + λ_t + ε) with ρ = 0.4, simulated by fixed-point iteration
const k = 3;
const beta = [1, -0.5, 0.3];
const theta = [0.5, 0.2, -0.2];
const rows = N * T;
const x = Array.from({ length: k }, () => Float64Array.from({ length: rows }, normal));
const mu = Float64Array.from({ length: N }, normal);
const lam = Float64Array.from({ length: T }, normal);
const deg = Array.from({ length: N }, (_, i) => A.offsets[i + 1] - A.offsets[i]);
const lagRow = (v: Float64Array, base: number, i: number) => {
  let s = 0;
  for (let q = A.offsets[i]; q < A.offsets[i + 1]; q++) s += v[base + A.neighbours[q]];
  return s / deg[i];
};
const rhs = new Float64Array(rows);
for (let t = 0; t < T; t++)
  for (let i = 0; i < N; i++) {
    const r = t * N + i;
    rhs[r] = mu[i] + lam[t] + normal();
    for (let j = 0; j < k; j++) rhs[r] += beta[j] * x[j][r] + theta[j] * lagRow(x[j], t * N, i);
  }
let y: Float64Array = Float64Array.from(rhs);
for (let it = 0; it < 200; it++) {
  const next = new Float64Array(rows);
  for (let t = 0; t < T; t++) for (let i = 0; i < N; i++) next[t * N + i] = rhs[t * N + i] + 0.4 * lagRow(y, t * N, i);
  y = next;
}
const unit = Array.from({ length: rows }, (_, r) => ids[r % N]);
const time = Array.from({ length: rows }, (_, r) => 1 + Math.floor(r / N));

const t0 = performance.now();
const fit = estimateSpatialPanel(
  { y, x: { x1: x[0], x2: x[1], x3: x[2] }, unit, time, weights: A },
  { type: 'sdm', fe: 'both', info: 'observed', draws: 1000, seed: 1 },
);
const ours = performance.now() - t0;

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-sdm-'));
const edges = join(dir, 'edges.csv');
const data = join(dir, 'data.csv');
const links: string[] = [];
for (let i = 0; i < N; i++)
  for (let q = A.offsets[i]; q < A.offsets[i + 1]; q++) links.push(`${i + 1},${A.neighbours[q] + 1}`);
writeFileSync(edges, `from,to\n${links.join('\n')}\n`);
writeFileSync(
  data,
  `unit,time,y,x1,x2,x3\n${Array.from({ length: rows }, (_, r) => `${(r % N) + 1},${time[r]},${y[r]},${x[0][r]},${x[1][r]},${x[2][r]}`).join('\n')}\n`,
);
let R: { eigen: number; total: number; rho: number; logLik: number } | string;
try {
  R = JSON.parse(
    execFileSync('Rscript', ['bench/estimate_sdm.R', edges, data], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .trim()
      .split('\n')
      .pop()!,
  );
} catch (e) {
  R = `not run: ${(e as Error).message.split('\n')[0]}`;
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `SDM benchmark: ${N} regions × ${T} periods × ${k} regressors, two-way FE, 1,000 impact draws (ms; ratio = R / xinzhi)`,
);
console.log(['implementation', 'total ms', 'ratio', 'rho', 'logLik'].join('\t'));
console.log(
  ['xinzhi (TypeScript)', ours.toFixed(0), '1.00', fit.rho!.estimate.toFixed(8), fit.logLik.toFixed(6)].join('\t'),
);
if (typeof R === 'string') console.log(`R (eigen + optimize)\t${R}`);
else
  console.log(
    [
      `R (eigen ${R.eigen.toFixed(0)} ms + optimize)`,
      R.total.toFixed(0),
      (R.total / ours).toFixed(2),
      R.rho.toFixed(8),
      R.logLik.toFixed(6),
    ].join('\t'),
  );
