/**
 * Benchmark: Moran's I on 3,000 random points with k = 6 nearest-neighbour
 * weights — building the weights, the statistic with its randomisation
 * moments, and 999 permutations — next to R spdep (Rscript) and a
 * NumPy/SciPy implementation in the same run, when those are installed.
 * The first rows time one call of each step in a fresh process (for xinzhi
 * this includes the JIT compiling the code); the "best of 5" rows repeat each
 * step five more times in the same process and keep the fastest (NumPy too).
 * Run: node bin/run-ts.js bench/analysis-moran.ts [n] [k] [R]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { knnWeights, rowStandardise } from '../src/core/analysis/spatial-weights.ts';
import { moran, moranPermutation } from '../src/core/analysis/moran.ts';

const n = Number(process.argv[2] ?? 3000);
const k = Number(process.argv[3] ?? 6);
const R = Number(process.argv[4] ?? 999);
const rand = seedrandom('bench-moran');
const pts: Array<[number, number]> = Array.from({ length: n }, () => [rand() * 100, rand() * 100]);
// A spatially smooth field plus noise, so I is clearly positive.
const v = pts.map(([x, y]) => Math.sin(x / 15) + Math.cos(y / 20) + rand());
const ids = pts.map((_, i) => `u${i}`);

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

const [w, tW] = time(() => rowStandardise(knnWeights(ids, pts, k, 'euclidean')));
const [m, tM] = time(() => moran(v, w));
const [, tP] = time(() => moranPermutation(v, w, { permutations: R, seed: 1 }));
type Row = { weights: number; moran: number; permutations: number; I: number; z: number; warm?: Row };
const REPEATS = 5;
const warm: Row = { weights: Infinity, moran: Infinity, permutations: Infinity, I: m.I, z: m.z };
for (let rep = 0; rep < REPEATS; rep++) {
  warm.weights = Math.min(warm.weights, time(() => rowStandardise(knnWeights(ids, pts, k, 'euclidean')))[1]);
  warm.moran = Math.min(warm.moran, time(() => moran(v, w))[1]);
  warm.permutations = Math.min(warm.permutations, time(() => moranPermutation(v, w, { permutations: R, seed: 1 }))[1]);
}
const rows: Array<[string, Row | string]> = [
  ['xinzhi (TypeScript)', { weights: tW, moran: tM, permutations: tP, I: m.I, z: m.z, warm }],
];

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-'));
const csv = join(dir, 'points.csv');
writeFileSync(csv, 'x,y,v\n' + pts.map(([x, y], i) => `${x},${y},${v[i]}`).join('\n') + '\n');
const run = (cmd: string, args: string[]): Row | string => {
  try {
    return JSON.parse(
      execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .trim()
        .split('\n')
        .pop()!,
    );
  } catch (e) {
    return `not run: ${(e as Error).message.split('\n')[0]}`;
  }
};
rows.push([
  'R spdep (knearneigh, moran.test, moran.mc)',
  run('Rscript', ['bench/moran_spdep.R', csv, String(k), String(R)]),
]);
rows.push(['NumPy/SciPy (cKDTree, sparse)', run('python3', ['bench/moran_numpy.py', csv, String(k), String(R)])]);
rmSync(dir, { recursive: true, force: true });

const ours = rows[0][1] as Row;
const sum = (r: Row) => r.weights + r.moran + r.permutations;
console.log(`Moran's I benchmark: n = ${n}, k = ${k}, ${R} permutations (times in ms; ratio = reference / xinzhi)`);
console.log(['implementation', 'weights', 'moran', `${R} perms`, 'total', 'ratio', 'I', 'z'].join('\t'));
const print = (name: string, r: Row, base: Row) =>
  console.log(
    [
      name,
      r.weights.toFixed(1),
      r.moran.toFixed(1),
      r.permutations.toFixed(1),
      sum(r).toFixed(1),
      (sum(r) / sum(base)).toFixed(2),
      r.I.toFixed(10),
      r.z.toFixed(6),
    ].join('\t'),
  );
for (const [name, r] of rows) {
  if (typeof r === 'string') console.log(`${name}\t${r}`);
  else print(name, r, ours);
}
for (const [name, r] of rows) {
  if (typeof r !== 'string' && r.warm) print(`${name}, best of ${REPEATS}`, r.warm, ours.warm!);
}
