/**
 * Benchmark of the measurement pipeline next to a NumPy implementation of the
 * same steps (bench/measure_numpy.py, run with /usr/bin/python3 in the same
 * script). Synthetic panel: 5,000 units × 15 years × 40 indicators in 3
 * dimensions, from a seeded generator (seedrandom "xinzhi-bench"), written
 * to a temporary CSV for the NumPy side. Timings exclude reading the data;
 * each is the best of several runs (the machine may be shared).
 *
 * Rows:
 * - single steps: validation, normalisation (min-max, shift 0.0001), pooled
 *   entropy weights, hierarchical scores (3 dimensions + index), TOPSIS;
 * - pipeline_same_steps: exactly the steps of NumPy's `pipeline()` — validate,
 *   normalise, entropy, dimension and index scores, TOPSIS, index ranks per
 *   year — done with the functions `evaluate` uses. This is the row compared
 *   with NumPy for the target "not slower than NumPy";
 * - pipeline_evaluate: the whole `evaluate` (as the CLI runs it, node:crypto
 *   SHA-256): spec validation, missing-value check, validation, normalisation,
 *   weights, scores and ranks of every node, TOPSIS with ranks, coherence
 *   (correlations, alpha), data fingerprint and the result rows (≈ 450,000
 *   row objects). Its NumPy row (pipeline_full) adds to `pipeline()` the
 *   same extra numbers: ranks of every node and of TOPSIS, np.corrcoef and
 *   alpha, the SHA-256 fingerprint of the same canonical bytes (checked equal
 *   to xinzhi's) and pandas DataFrames as result tables. This row is the one
 *   held to the 1 s target;
 * - pipeline_evaluate_noble: the same with the core's default pure-JS
 *   SHA-256 (@noble/hashes, what a browser runs);
 * - uncertainty_1000: a 1,000-draw uncertainty analysis (normalisation
 *   {minmax, vector} × weights {entropy, equal} × weight noise ±25%), timed as
 *   evaluate with it minus evaluate without it. Targets: < 10 s, not slower
 *   than NumPy;
 * - uncertainty_1000_2_threads: the same draws split over two worker threads
 *   (evaluateAsync with io/uncertainty-pool.ts, as the CLI runs a large
 *   analysis; thread start-up included), compared with the same NumPy loop;
 *   the report is checked equal to the one-thread report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { evaluate, evaluateAsync } from '../src/core/measure/evaluate.ts';
import { runPartOnWorker } from '../src/adapters/io/uncertainty-pool.ts';
import { normalizeColumn } from '../src/core/measure/normalize.ts';
import { entropyWeights } from '../src/core/measure/weights/entropy.ts';
import { topsis } from '../src/core/measure/scores/topsis.ts';
import { aggregateColumns } from '../src/core/measure/aggregate.ts';
import { validatePanel } from '../src/core/panel/validate.ts';
import { nodeSha256 } from '../src/adapters/io/sha256.ts';
import { ranksByTime, timeGroups } from '../src/core/measure/evaluate.ts';
import { fingerprintPanel } from '../src/core/measure/record.ts';
import { timesOf } from '../src/core/panel/ops.ts';
import type { Panel } from '../src/core/panel/types.ts';
import type { Direction } from '../src/core/measure/spec.ts';

const U = 5000,
  T = 15,
  K = 40;
const n = U * T;
const rng = seedrandom('xinzhi-bench');
const unit: string[] = new Array(n),
  time: number[] = new Array(n);
const columns: Record<string, Float64Array> = {};
const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);
const dirs: Direction[] = names.map((_, j) => (j % 7 === 3 ? '-' : '+'));
const level = Float64Array.from({ length: U }, () => rng());
for (let j = 0; j < K; j++) columns[names[j]] = new Float64Array(n);
for (let t = 0; t < T; t++)
  for (let u = 0; u < U; u++) {
    const r = t * U + u;
    unit[r] = `u${u}`;
    time[r] = 2008 + t;
    for (let j = 0; j < K; j++)
      columns[names[j]][r] = Math.exp(1 + 2 * level[u] + 0.05 * t + 0.5 * rng()) * (1 + (j % 5));
  }
const panel: Panel = { unitKey: 'unit', timeKey: 'year', unit, time, columns };
const dims = ['d1', 'd2', 'd3'];
const spec = {
  unit: 'unit',
  time: 'year',
  nodes: dims.map((id) => ({ id, parent: null })),
  indicators: names.map((c, j) => ({
    id: c,
    column: c,
    direction: dirs[j],
    parent: dims[j < 14 ? 0 : j < 27 ? 1 : 2],
  })),
  normalize: { method: 'minmax', shift: 0.0001 },
  weights: { method: 'entropy', panel: 'pooled', scope: 'leaves' },
  aggregate: { method: 'arithmetic' },
  score: { topsis: true },
};

// CSV for NumPy
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-'));
const csv = join(dir, 'panel.csv');
const lines = [['unit', 'year', ...names].join(',')];
for (let r = 0; r < n; r++)
  lines.push([unit[r], time[r], ...names.map((c) => columns[c][r].toPrecision(17))].join(','));
writeFileSync(csv, lines.join('\n') + '\n');

function timeit<T>(f: () => T, reps = 5): { ms: number; value: T } {
  let best = Infinity,
    value!: T;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

const groupIdx = [names.slice(0, 14), names.slice(14, 27), names.slice(27)].map((g) => g.map((c) => names.indexOf(c)));
const groups = timeGroups(time, timesOf(panel));
const plus = names.map(() => '+' as Direction);

const js: Record<string, number> = {};
js.validation = timeit(() => validatePanel(panel, { columns: names })).ms;
const X = timeit(() =>
  names.map((c, j) => normalizeColumn(columns[c], { method: 'minmax', direction: dirs[j], shift: 0.0001 })),
);
js.normalisation = X.ms;
const W = timeit(() => entropyWeights(X.value));
js.entropy_weights = W.ms;
function hierarchical(Xv: Float64Array[], w: number[]): Float64Array {
  const dimScores = groupIdx.map((g) => {
    const s = g.reduce((a, j) => a + w[j], 0);
    return aggregateColumns(
      g.map((j) => Xv[j]),
      [g.map((j) => w[j] / s)],
      null,
      'arithmetic',
    );
  });
  const top = groupIdx.map((g) => g.reduce((a, j) => a + w[j], 0));
  return aggregateColumns(dimScores, [top], null, 'arithmetic');
}
js.hierarchical_scores = timeit(() => hierarchical(X.value, W.value.weights)).ms;
js.topsis = timeit(() => topsis(X.value, W.value.weights, plus, { normalize: 'none' })).ms;
// NumPy's pipeline(): validate, min-max, entropy, dimension + index scores, TOPSIS, index ranks per year
js.pipeline_same_steps = timeit(() => {
  validatePanel(panel, { columns: names });
  const Xp = names.map((c, j) => normalizeColumn(columns[c], { method: 'minmax', direction: dirs[j], shift: 0.0001 }));
  const wp = entropyWeights(Xp).weights;
  const s = hierarchical(Xp, wp);
  topsis(Xp, wp, plus, { normalize: 'none' });
  return ranksByTime(s, groups, 'desc', 'min');
}).ms;
const full = timeit(() => evaluate(panel, spec, { hash: nodeSha256 }), 5);
js.pipeline_evaluate = full.ms;
js.pipeline_evaluate_noble = timeit(() => evaluate(panel, spec), 3).ms;
const unc = {
  draws: 1000,
  seed: 1,
  weightNoise: 0.25,
  normalize: ['minmax', 'vector'],
  weights: ['entropy', 'equal'],
  aggregate: ['arithmetic'],
};
const withU = timeit(() => evaluate(panel, { ...spec, score: {}, uncertainty: unc }, { hash: nodeSha256 }), 2).ms;
const noU = timeit(() => evaluate(panel, { ...spec, score: {} }, { hash: nodeSha256 }), 3).ms;
js.uncertainty_1000 = withU - noU;
const uSpec = { ...spec, score: {}, uncertainty: unc };
const oneThread = evaluate(panel, uSpec, { hash: nodeSha256 }).uncertainty;
let best2 = Infinity;
let twoThreads: typeof oneThread;
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  twoThreads = (
    await evaluateAsync(panel, uSpec, { hash: nodeSha256, parallel: { runPart: runPartOnWorker, parts: 2 } })
  ).uncertainty;
  best2 = Math.min(best2, performance.now() - t0);
}
js.uncertainty_1000_2_threads = best2 - noU;
const sameReport = JSON.stringify(twoThreads) === JSON.stringify(oneThread);
const fingerprint = fingerprintPanel(panel, names, [], nodeSha256);

const py = spawnSync('/usr/bin/python3', [join(dirname(fileURLToPath(import.meta.url)), 'measure_numpy.py'), csv], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
rmSync(dir, { recursive: true, force: true });
let np: Record<string, number> = {};
if (py.status === 0) np = JSON.parse(py.stdout.trim().split('\n').pop()!);
else process.stdout.write(`NumPy side failed: ${py.stderr}\n`);

const npFp = np.fingerprint as unknown as string | undefined;
delete np.fingerprint;
np.pipeline_evaluate = np.pipeline_full;
delete np.pipeline_full;
process.stdout.write(`synthetic panel ${U} units × ${T} years × ${K} indicators (${n} rows); best of several runs\n`);
process.stdout.write(
  `${'step'.padEnd(26)}${'xinzhi ms'.padStart(12)}${'NumPy ms'.padStart(12)}${'xinzhi÷NumPy'.padStart(14)}\n`,
);
for (const k of Object.keys(js)) {
  const a = js[k],
    b =
      k === 'pipeline_evaluate_noble'
        ? np.pipeline_evaluate
        : k === 'uncertainty_1000_2_threads'
          ? np.uncertainty_1000
          : np[k];
  process.stdout.write(
    `${k.padEnd(26)}${a.toFixed(1).padStart(12)}${(b === undefined ? '—' : b.toFixed(1)).padStart(12)}${(b ? (a / b).toFixed(2) : '—').padStart(14)}\n`,
  );
}
process.stdout.write(
  `NumPy for pipeline_evaluate: pipeline_same_steps + ranks of every node and of TOPSIS, corrcoef + alpha, SHA-256 fingerprint, pandas result tables\n`,
);
process.stdout.write(
  `fingerprint: ${fingerprint.slice(0, 16)}… ${npFp === undefined ? '(NumPy side missing)' : npFp === fingerprint ? 'equal to NumPy/hashlib on the same canonical bytes' : `DIFFERS from NumPy's ${npFp.slice(0, 16)}…`}\n`,
);
process.stdout.write(
  `uncertainty report on 2 worker threads ${sameReport ? 'identical to' : 'DIFFERS from'} the one-thread report\n`,
);
const yes = (b: boolean) => (b ? 'met' : 'NOT met');
const same = np.pipeline_same_steps,
  uNp = np.uncertainty_1000;
process.stdout.write(
  `targets: full evaluate < 1000 ms: ${yes(js.pipeline_evaluate < 1000)} (${js.pipeline_evaluate.toFixed(0)} ms); ` +
    `same steps not slower than NumPy: ${same === undefined ? 'n/a' : yes(js.pipeline_same_steps <= same)} (${(same ? js.pipeline_same_steps / same : NaN).toFixed(2)}×); ` +
    `uncertainty < 10000 ms: ${yes(js.uncertainty_1000 < 10000)} (${js.uncertainty_1000.toFixed(0)} ms); ` +
    `uncertainty not slower than NumPy: ${uNp === undefined ? 'n/a' : yes(js.uncertainty_1000 <= uNp)} (${(uNp ? js.uncertainty_1000 / uNp : NaN).toFixed(2)}×)\n`,
);
process.stdout.write(
  `(full evaluate vs NumPy's full equivalent: ${(np.pipeline_evaluate ? js.pipeline_evaluate / np.pipeline_evaluate : NaN).toFixed(2)}× — not a target; xinzhi builds one object per result row, NumPy columnar tables)\n`,
);
