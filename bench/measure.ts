/**
 * Benchmark of the measurement pipeline next to a NumPy implementation of the
 * same steps (bench/measure_numpy.py, run with /usr/bin/python3 in the same
 * script). Synthetic panel: 5,000 units × 15 years × 40 indicators in 3
 * dimensions, from a seeded generator (seedrandom "xinzhi-bench"), written
 * to a temporary CSV for the NumPy side. Timings exclude reading the data.
 *
 * Steps: validation, normalisation (min-max, shift 0.0001), pooled entropy
 * weights, hierarchical scores (3 dimensions + index), TOPSIS, the whole
 * `evaluate` pipeline without uncertainty, and a 1,000-draw uncertainty
 * analysis (normalisation {minmax, vector} × weights {entropy, equal} ×
 * weight noise ±25%). Targets: pipeline < 1 s, uncertainty < 10 s, not slower
 * than NumPy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { evaluate } from '../src/core/measure/evaluate.ts';
import { normalizeColumn } from '../src/core/measure/normalize.ts';
import { entropyWeights } from '../src/core/measure/weights/entropy.ts';
import { topsis } from '../src/core/measure/scores/topsis.ts';
import { aggregateColumns } from '../src/core/measure/aggregate.ts';
import { validatePanel } from '../src/core/panel/validate.ts';
import type { Panel } from '../src/core/panel/types.ts';
import type { Direction } from '../src/core/measure/spec.ts';

const U = 5000, T = 15, K = 40;
const n = U * T;
const rng = seedrandom('xinzhi-bench');
const unit: string[] = new Array(n), time: number[] = new Array(n);
const columns: Record<string, Float64Array> = {};
const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);
const dirs: Direction[] = names.map((_, j) => (j % 7 === 3 ? '-' : '+'));
const level = Float64Array.from({ length: U }, () => rng());
for (let j = 0; j < K; j++) columns[names[j]] = new Float64Array(n);
for (let t = 0; t < T; t++) for (let u = 0; u < U; u++) {
  const r = t * U + u;
  unit[r] = `u${u}`; time[r] = 2008 + t;
  for (let j = 0; j < K; j++) columns[names[j]][r] = Math.exp(1 + 2 * level[u] + 0.05 * t + 0.5 * rng()) * (1 + (j % 5));
}
const panel: Panel = { unitKey: 'unit', timeKey: 'year', unit, time, columns };
const dims = ['d1', 'd2', 'd3'];
const spec = {
  unit: 'unit', time: 'year',
  nodes: dims.map((id) => ({ id, parent: null })),
  indicators: names.map((c, j) => ({ id: c, column: c, direction: dirs[j], parent: dims[j < 14 ? 0 : j < 27 ? 1 : 2] })),
  normalize: { method: 'minmax', shift: 0.0001 }, weights: { method: 'entropy', panel: 'pooled', scope: 'leaves' }, aggregate: { method: 'arithmetic' },
  score: { topsis: true },
};

// CSV for NumPy
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-'));
const csv = join(dir, 'panel.csv');
const lines = [['unit', 'year', ...names].join(',')];
for (let r = 0; r < n; r++) lines.push([unit[r], time[r], ...names.map((c) => columns[c][r].toPrecision(17))].join(','));
writeFileSync(csv, lines.join('\n') + '\n');

function timeit<T>(f: () => T, reps = 3): { ms: number; value: T } {
  let best = Infinity, value!: T;
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); value = f(); best = Math.min(best, performance.now() - t0); }
  return { ms: best, value };
}

const js: Record<string, number> = {};
js.validation = timeit(() => validatePanel(panel, { columns: names })).ms;
const X = timeit(() => names.map((c, j) => normalizeColumn(columns[c], { method: 'minmax', direction: dirs[j], shift: 0.0001 })));
js.normalisation = X.ms;
const W = timeit(() => entropyWeights(X.value));
js.entropy_weights = W.ms;
js.hierarchical_scores = timeit(() => {
  const w = W.value.weights;
  const groups = [names.slice(0, 14), names.slice(14, 27), names.slice(27)].map((g) => g.map((c) => names.indexOf(c)));
  const dimScores = groups.map((g) => { const s = g.reduce((a, j) => a + w[j], 0); return aggregateColumns(g.map((j) => X.value[j]), [g.map((j) => w[j] / s)], null, 'arithmetic'); });
  const top = groups.map((g) => g.reduce((a, j) => a + w[j], 0));
  return aggregateColumns(dimScores, [top], null, 'arithmetic');
}).ms;
js.topsis = timeit(() => topsis(X.value, W.value.weights, names.map(() => '+'), { normalize: 'none' })).ms;
js.pipeline_evaluate = timeit(() => evaluate(panel, spec), 2).ms;
const unc = { draws: 1000, seed: 1, weightNoise: 0.25, normalize: ['minmax', 'vector'], weights: ['entropy', 'equal'], aggregate: ['arithmetic'] };
const withU = timeit(() => evaluate(panel, { ...spec, score: {}, uncertainty: unc }), 1).ms;
const noU = timeit(() => evaluate(panel, { ...spec, score: {} }), 1).ms;
js.uncertainty_1000 = withU - noU;

const py = spawnSync('/usr/bin/python3', [join(dirname(fileURLToPath(import.meta.url)), 'measure_numpy.py'), csv], { encoding: 'utf8', maxBuffer: 1 << 26 });
rmSync(dir, { recursive: true, force: true });
let np: Record<string, number> = {};
if (py.status === 0) np = JSON.parse(py.stdout.trim().split('\n').pop()!);
else process.stdout.write(`NumPy side failed: ${py.stderr}\n`);

process.stdout.write(`synthetic panel ${U} units × ${T} years × ${K} indicators (${n} rows)\n`);
process.stdout.write(`${'step'.padEnd(22)}${'xinzhi ms'.padStart(12)}${'NumPy ms'.padStart(12)}${'ratio'.padStart(9)}\n`);
for (const k of Object.keys(js)) {
  const a = js[k], b = np[k];
  process.stdout.write(`${k.padEnd(22)}${a.toFixed(1).padStart(12)}${(b === undefined ? '—' : b.toFixed(1)).padStart(12)}${(b ? (a / b).toFixed(2) : '—').padStart(9)}\n`);
}
process.stdout.write(`targets: pipeline < 1000 ms (${js.pipeline_evaluate < 1000 ? 'met' : 'NOT met'}), uncertainty < 10000 ms (${js.uncertainty_1000 < 10000 ? 'met' : 'NOT met'})\n`);
