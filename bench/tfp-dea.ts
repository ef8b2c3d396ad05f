/**
 * Benchmark: SBM with undesirable outputs (per year, CRS) and the global
 * Malmquist–Luenberger index (src/core/tfp) on a synthetic panel of 300
 * cities × 15 years × 5 variables (3 inputs, GDP, CO₂), side by side with
 * the SciPy implementation (bench/tfp_scipy.py, `linprog` with HiGHS) in the
 * same run. Prints seconds, the ratio SciPy / xinzhi and the largest absolute
 * difference of the scores. From 200 units (src/core/tfp/subset.ts) xinzhi
 * solves each programme on a growing subset of the reference set; SciPy
 * solves it over all units, both with HiGHS at presolve off and tolerances
 * 1e-10. GML runs twice: in this thread and on one worker thread per core
 * (as `xinzhi tfp` runs a large panel). A firm-scale run: --units 2000 --years 2.
 *
 * Run: node bin/run-ts.js bench/tfp-dea.ts [--python /usr/bin/python3] [--units 300] [--years 15]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { loadLpSolver } from '../src/adapters/io/lp-solver.ts';
import { deaParts, runDeaOnWorker } from '../src/adapters/io/dea-pool.ts';
import {
  type DeaJob,
  jobProgrammes,
  planChunks,
  type ScoreOut,
  solveDeaJob,
  solveDeaJobAsync,
} from '../src/core/tfp/chunks.ts';
import { indexJob, indexValues, productivityIndex } from '../src/core/tfp/productivity.ts';
import type { Observation } from '../src/core/tfp/technology.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Cities with Cobb–Douglas output, random inefficiency, 2 % technical progress a year; CO₂ ∝ energy. */
function synthetic(units: number, years: number): Observation[][] {
  const rng = seedrandom('tfp-bench');
  const base = Array.from({ length: units }, () => [50 + 450 * rng(), 100 + 900 * rng(), 20 + 180 * rng()]);
  return Array.from({ length: years }, (_, t) =>
    base.map((b) => {
      const x = b.map((v) => Math.round(v * (0.9 + 0.3 * rng()) * (1 + 0.03 * t) * 100) / 100);
      const y = Math.round(x[0] ** 0.3 * x[1] ** 0.4 * x[2] ** 0.3 * 1.02 ** t * (0.6 + 0.4 * rng()) * 100) / 100;
      const co2 = Math.round(x[2] * (0.5 + 0.5 * rng()) * 100) / 100;
      return { x, y: [y], b: [co2] };
    }),
  );
}

const units = Number(arg('units', '300'));
const years = Number(arg('years', '15'));
const python = arg('python', '/usr/bin/python3');
const periods = synthetic(units, years);
const solver = await loadLpSolver();

let t0 = performance.now();
// the chunks `xinzhi tfp` solves (src/core/tfp/chunks.ts), in this thread
const sbmJob: DeaJob = {
  periods,
  settings: { score: { type: 'sbm', rts: 'crs', orientation: 'none', super: false } },
  chunks: planChunks(periods.map((p, t) => ({ periods: [t], count: p.length }))),
};
const sbm = solveDeaJob(solver, sbmJob).flatMap((c) => (c as ScoreOut[]).map((o) => o.score.efficiency as number));
const sbmSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const gml = productivityIndex(solver, periods, { type: 'gml', rts: 'crs' }).map((v) => v.value as number);
const gmlSeconds = (performance.now() - t0) / 1000;
// the same GML job on worker threads, as `xinzhi tfp` runs a large panel (src/adapters/io/dea-pool.ts)
t0 = performance.now();
const gmlJob = indexJob(periods, { type: 'gml', rts: 'crs' });
const parts = deaParts(jobProgrammes(gmlJob));
const gmlThreads = indexValues(gmlJob, await solveDeaJobAsync(solver, gmlJob, { runPart: runDeaOnWorker, parts })).map(
  (v) => v.value as number,
);
const gmlThreadSeconds = (performance.now() - t0) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-tfp-bench-'));
try {
  const file = join(dir, 'data.json');
  writeFileSync(
    file,
    JSON.stringify({
      x: periods.map((p) => p.map((o) => o.x)),
      y: periods.map((p) => p.map((o) => o.y)),
      b: periods.map((p) => p.map((o) => o.b)),
    }),
  );
  const ref = JSON.parse(
    execFileSync(python, [join(HERE, 'tfp_scipy.py'), file], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const diff = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
  console.log(`units × years × variables: ${units} × ${years} × 5`);
  const line = (name: string, ours: number, theirs: number, d: number) =>
    `${name}: xinzhi ${ours.toFixed(2)} s, SciPy ${theirs.toFixed(2)} s, ` +
    `ratio SciPy/xinzhi ${(theirs / ours).toFixed(2)}, max |diff| ${d.toExponential(2)}`;
  console.log(line(`SBM-undesirable (${units * years} LPs)`, sbmSeconds, ref.sbmSeconds, diff(sbm, ref.sbm)));
  console.log(line(`GML (${2 * units * years} LPs)`, gmlSeconds, ref.gmlSeconds, diff(gml, ref.gml)));
  console.log(line(`GML on ${parts} worker threads`, gmlThreadSeconds, ref.gmlSeconds, diff(gmlThreads, ref.gml)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
