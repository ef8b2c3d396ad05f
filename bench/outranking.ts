/**
 * Benchmark: PROMETHEE II (src/core/measure/scores/promethee.ts; the usual and
 * linear functions from sorted columns, O(k n log n); the gaussian function
 * over every pair) and Copeland scores (copeland.ts, every pair, no n × n
 * matrix) on n alternatives × 40 criteria, beside the all-pairs NumPy
 * reference (bench/outranking_numpy.py) on the same matrix in the same run.
 * Prints both times, the ratio (NumPy / xinzhi) and the largest difference of
 * the flows (or whether the Copeland scores are equal). Sizes: one year of
 * 5,000 firms for every method, and a pooled panel of 75,000 firm-years
 * (5,000 × 15) for the sorted PROMETHEE functions, xinzhi only (the
 * reference would compare 2.8 × 10^9 pairs). The year of 5,000 with the
 * gaussian flows and the Copeland scores together, cut into pieces on every
 * core (io/pairwise-pool.ts: PROMETHEE by criteria, Copeland by rows), as a
 * pooled sample or one large year goes. Last, per time as `evaluate`
 * runs them with `weights.panel: "by-time"`: 10 years of 1,500 firms, the
 * gaussian flows and the Copeland scores of every year on one thread and on
 * every core (io/pairwise-pool.ts), beside NumPy computing the years one
 * after another.
 *
 * Run: node bin/run-ts.js bench/outranking.ts [--python /usr/bin/python3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { copeland } from '../src/core/measure/scores/copeland.ts';
import { type PrometheeCriterion, prometheeII } from '../src/core/measure/scores/promethee.ts';
import type { PairwiseJob } from '../src/core/measure/pairwise-jobs.ts';
import { pairwiseRunner } from '../src/adapters/io/pairwise-pool.ts';
import { availableParallelism } from 'node:os';

const HERE = dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--python');
const python = i === -1 ? '/usr/bin/python3' : process.argv[i + 1];
const K = 40;
const PAR = { q: 0.05, p: 0.3, s: 0.2 };

/** n × K values in [0, 1] rounded to 3 decimals (ties, as min-max normalised firm data have), by column. */
function matrix(n: number, seed: string): Float64Array[] {
  const rng = seedrandom(seed);
  return Array.from({ length: K }, () => Float64Array.from({ length: n }, () => Math.round(rng() * 1000) / 1000));
}

function seconds(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-outranking-'));
const w = new Array(K).fill(1);
const plus = new Array(K).fill('+');
console.log('| method | n × 40 | xinzhi | NumPy (all pairs) | NumPy / xinzhi | largest difference |');
console.log('|---|---|---|---|---|---|');
try {
  const n = 5000;
  const cols = matrix(n, 'xinzhi-outranking');
  const file = join(dir, 'x.f64');
  const rowMajor = new Float64Array(n * K);
  cols.forEach((c, j) => c.forEach((v, r) => (rowMajor[r * K + j] = v)));
  writeFileSync(file, rowMajor);
  const oneYear: Record<string, { s: number; numpy: number; out: Float64Array }> = {};
  for (const method of ['usual', 'linear', 'gaussian', 'copeland'] as const) {
    let mine: Float64Array = new Float64Array();
    const s =
      method === 'copeland'
        ? seconds(() => (mine = copeland(cols, w).scores))
        : seconds(
            () =>
              (mine = prometheeII(
                cols,
                w,
                plus,
                new Array(K).fill({ fn: method, ...PAR }) as PrometheeCriterion[],
              ).phi),
          );
    const out = JSON.parse(
      execFileSync(python, [join(HERE, 'outranking_numpy.py'), file, String(n), String(K), method], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as { seconds: number; phi?: number[]; scores?: number[] };
    const ref = out.phi ?? out.scores!;
    const diff =
      method === 'copeland'
        ? ref.every((v, r) => v === mine[r])
          ? 'scores equal'
          : 'scores DIFFER'
        : Math.max(...ref.map((v, r) => Math.abs(v - mine[r]))).toExponential(1);
    oneYear[method] = { s, numpy: out.seconds, out: mine };
    const name = method === 'copeland' ? 'Copeland' : `PROMETHEE II ${method}`;
    console.log(
      `| ${name} | ${n.toLocaleString('en')} | ${s.toFixed(2)} s | ${out.seconds.toFixed(2)} s | ${(out.seconds / s).toFixed(1)} | ${diff} |`,
    );
  }
  {
    const cores = availableParallelism();
    const gauss = new Array(K).fill({ fn: 'gaussian', ...PAR }) as PrometheeCriterion[];
    const t0 = performance.now();
    const [g, c] = await pairwiseRunner(cores)([
      { method: 'promethee', cols, w, criteria: gauss },
      { method: 'copeland', cols, w },
    ]);
    const sn = (performance.now() - t0) / 1000;
    const same =
      g !== undefined &&
      c !== undefined &&
      Array.from((g as { phi: Float64Array }).phi).every((v, r) => Object.is(v, oneYear.gaussian.out[r])) &&
      Array.from((c as { score: Float64Array }).score).every((v, r) => v === oneYear.copeland.out[r]);
    const s1 = oneYear.gaussian.s + oneYear.copeland.s;
    const numpy = oneYear.gaussian.numpy + oneYear.copeland.numpy;
    console.log(
      `| gaussian PROMETHEE II + Copeland, one thread | ${n.toLocaleString('en')} (one sample) | ${s1.toFixed(2)} s | ${numpy.toFixed(2)} s | ${(numpy / s1).toFixed(1)} | (rows above) |`,
    );
    console.log(
      `| the same in pieces on ${cores} threads | ${n.toLocaleString('en')} (one sample) | ${sn.toFixed(2)} s | ${numpy.toFixed(2)} s | ${(numpy / sn).toFixed(1)} | ${same ? 'same as one thread' : 'DIFFERS from one thread'} |`,
    );
  }
  const pooled = matrix(75_000, 'xinzhi-outranking-pooled');
  for (const method of ['usual', 'linear'] as const) {
    const s = seconds(() =>
      prometheeII(pooled, w, plus, new Array(K).fill({ fn: method, ...PAR }) as PrometheeCriterion[]),
    );
    console.log(`| PROMETHEE II ${method} | 75,000 (pooled) | ${s.toFixed(2)} s | — | — | — |`);
  }
  // per time: the years as jobs, on one thread and on every core
  const years = 10;
  const m = 1500;
  const yearCols = Array.from({ length: years }, (_, t) => matrix(m, `xinzhi-outranking-year-${t}`));
  const gauss = new Array(K).fill({ fn: 'gaussian', ...PAR }) as PrometheeCriterion[];
  const jobs: PairwiseJob[] = [
    ...yearCols.map((cols): PairwiseJob => ({ method: 'promethee', cols, w, criteria: gauss })),
    ...yearCols.map((cols): PairwiseJob => ({ method: 'copeland', cols, w })),
  ];
  const cores = availableParallelism();
  const t1 = performance.now();
  const one = await pairwiseRunner(1)(jobs);
  const s1 = (performance.now() - t1) / 1000;
  const tn = performance.now();
  const all = await pairwiseRunner(cores)(jobs);
  const sn = (performance.now() - tn) / 1000;
  const same =
    JSON.stringify(one.map((o) => o && Object.values(o).map((v) => Array.from(v as Float64Array)))) ===
    JSON.stringify(all.map((o) => o && Object.values(o).map((v) => Array.from(v as Float64Array))));
  let numpy = 0;
  let largest = 0;
  for (const [t, cols] of yearCols.entries()) {
    const rowMajor = new Float64Array(m * K);
    cols.forEach((c, j) => c.forEach((v, r) => (rowMajor[r * K + j] = v)));
    writeFileSync(file, rowMajor);
    for (const method of ['gaussian', 'copeland'] as const) {
      const out = JSON.parse(
        execFileSync(python, [join(HERE, 'outranking_numpy.py'), file, String(m), String(K), method], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        }),
      ) as { seconds: number; phi?: number[]; scores?: number[] };
      numpy += out.seconds;
      const mine =
        method === 'gaussian'
          ? (one[t] as { phi: Float64Array }).phi
          : (one[years + t] as { score: Float64Array }).score;
      const ref = out.phi ?? out.scores!;
      for (let r = 0; r < m; r++) largest = Math.max(largest, Math.abs(ref[r] - mine[r]));
    }
  }
  const label = `${years} years × ${m.toLocaleString('en')} (per time)`;
  console.log(
    `| gaussian PROMETHEE II + Copeland, one thread | ${label} | ${s1.toFixed(2)} s | ${numpy.toFixed(2)} s | ${(numpy / s1).toFixed(1)} | ${largest.toExponential(1)} |`,
  );
  console.log(
    `| the same on ${cores} threads | ${label} | ${sn.toFixed(2)} s | ${numpy.toFixed(2)} s | ${(numpy / sn).toFixed(1)} | ${same ? 'same as one thread' : 'DIFFERS from one thread'} |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
