/**
 * The index build compiled to SQL and run on DuckDB (embedded, from a Parquet
 * file) beside a NumPy implementation of the same build in the same run
 * (bench/sql_numpy.py). The panel is made on both sides from one integer
 * formula, x = 1 + ((7919u + 104729t + 1299709(j+1)) mod 1000003)/1000003 ·
 * (1 + j mod 5), so no file crosses between them; DuckDB writes it to Parquet
 * first and the timed build reads that file.
 *
 * Build: min-max (shift 0.0001, pooled), pooled entropy, three dimensions,
 * index, ranks per year; DuckDB writes the scores to a Parquet file. Reported:
 * wall time of each side, the ratio, peak memory of each process, and the
 * largest relative difference of the weights (a correctness check).
 *
 * Sizes: BENCH_SQL_UNITS (default 1,000,000) × 10 years × 40 indicators.
 *
 * Then the same build from long records (one row per unit, year and
 * indicator: `spec.long`: pivoted once into a temporary table, checked on it,
 * built from it, as runIndexSql does) for a tenth of the units
 * (BENCH_SQL_LONG_UNITS), beside NumPy's wide build of those units; the
 * weights must agree as well.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firmBenchSpec } from './_firm-spec.ts';
import { buildQueries, openEngine } from '../src/adapters/sql/engines.ts';
import { compileIndexSql } from '../src/core/sql/compile.ts';
import { readEngineRows } from '../src/core/sql/read.ts';

const here = dirname(fileURLToPath(import.meta.url));
const U = Number(process.env.BENCH_SQL_UNITS ?? 1_000_000);
const T = 10;
const K = 40;
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-sql-'));
const parquet = join(dir, 'panel.parquet');
const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);

const engine = await openEngine('duckdb:');
let t0 = performance.now();
const cols = names.map(
  (c, j) =>
    `1.0 + CAST((u * 7919 + t * 104729 + ${(j + 1) * 1299709}) % 1000003 AS DOUBLE) / 1000003.0 * ${1 + (j % 5)} AS ${c}`,
);
await engine.exec(
  `COPY (SELECT 'u' || CAST(u AS VARCHAR) AS unit, 2010 + t AS year, ${cols.join(', ')} ` +
    `FROM range(${U}) r1(u), range(${T}) r2(t)) TO '${parquet}' (FORMAT parquet)`,
);
const generateMs = performance.now() - t0;

const spec = firmBenchSpec(names);
t0 = performance.now();
await engine.exec(`CREATE VIEW panel AS SELECT * FROM read_parquet('${parquet}')`);
const plan = compileIndexSql(spec, 'duckdb', { table: 'panel' });
const weightRows = await engine.query(plan.weightsQuery);
const scores = join(dir, 'scores.parquet');
await engine.exec(`COPY (${plan.scoresQuery}) TO '${scores}' (FORMAT parquet)`);
const result = readEngineRows(plan, weightRows, []);
const duckMs = performance.now() - t0;
await engine.close();
const duckPeak = process.resourceUsage().maxRSS / 1024;

const py = spawnSync('/usr/bin/python3', [join(here, 'sql_numpy.py'), String(U), String(T), String(K)], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (py.status !== 0) throw new Error(`NumPy reference failed: ${py.stderr}`);
const ref = JSON.parse(py.stdout) as { build_ms: number; peak_mb: number; weights: number[] };
let maxRel = 0;
names.forEach((c, j) => {
  maxRel = Math.max(maxRel, Math.abs(result.weights[c] - ref.weights[j]) / ref.weights[j]);
});

const rows = U * T;
console.log(
  `panel: ${U.toLocaleString('en')} units × ${T} years × ${K} indicators = ${rows.toLocaleString('en')} rows`,
);
console.log(
  `Parquet written by DuckDB: ${(statSync(parquet).size / 1e6).toFixed(0)} MB in ${(generateMs / 1000).toFixed(1)} s`,
);
console.log('| build (read, min-max, entropy, scores, ranks) | xinzhi SQL on DuckDB | NumPy (in memory) | ratio |');
console.log('|---|---|---|---|');
console.log(
  `| wall time | ${(duckMs / 1000).toFixed(2)} s (from Parquet, scores written to Parquet) | ${(ref.build_ms / 1000).toFixed(2)} s (data already in memory) | ${(duckMs / ref.build_ms).toFixed(2)} |`,
);
console.log(
  `| peak memory (process) | ${duckPeak.toFixed(0)} MB | ${ref.peak_mb.toFixed(0)} MB | ${(duckPeak / ref.peak_mb).toFixed(2)} |`,
);
console.log(`weights: largest relative difference DuckDB vs NumPy ${maxRel.toExponential(2)}`);

// the same build from long records
const UL = Number(process.env.BENCH_SQL_LONG_UNITS ?? Math.max(1, Math.floor(U / 10)));
const longParquet = join(dir, 'panel-long.parquet');
const longEngine = await openEngine('duckdb:');
await longEngine.exec(
  `COPY (SELECT 'u' || CAST(u AS VARCHAR) AS unit, 2010 + t AS year, 'x' || CAST(j + 1 AS VARCHAR) AS indicator, ` +
    `1.0 + CAST((u * 7919 + t * 104729 + (j + 1) * 1299709) % 1000003 AS DOUBLE) / 1000003.0 * (1 + j % 5) AS value ` +
    `FROM range(${UL}) r1(u), range(${T}) r2(t), range(${K}) r3(j)) TO '${longParquet}' (FORMAT parquet)`,
);
t0 = performance.now();
await longEngine.exec(`CREATE VIEW panel_long AS SELECT * FROM read_parquet('${longParquet}')`);
const longPlan = compileIndexSql({ ...spec, long: { indicator: 'indicator', value: 'value' } }, 'duckdb', {
  table: 'panel_long',
});
const longQueries = await buildQueries(longPlan, longEngine); // as runIndexSql does: checks, records pivoted once
const longWeights = readEngineRows(longPlan, await longEngine.query(longQueries.weightsQuery), []);
await longEngine.exec(`COPY (${longQueries.scoresQuery}) TO '${join(dir, 'scores-long.parquet')}' (FORMAT parquet)`);
await longQueries.done();
const longMs = performance.now() - t0;
await longEngine.close();
const pyLong = spawnSync('/usr/bin/python3', [join(here, 'sql_numpy.py'), String(UL), String(T), String(K)], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (pyLong.status !== 0) throw new Error(`NumPy reference failed: ${pyLong.stderr}`);
const refLong = JSON.parse(pyLong.stdout) as { build_ms: number; weights: number[] };
let maxRelLong = 0;
names.forEach((c, j) => {
  maxRelLong = Math.max(maxRelLong, Math.abs(longWeights.weights[c] - refLong.weights[j]) / refLong.weights[j]);
});
console.log(
  `| long records: ${UL.toLocaleString('en')} units × ${T} × ${K} = ${(UL * T * K).toLocaleString('en')} rows (${(statSync(longParquet).size / 1e6).toFixed(0)} MB Parquet; checks, pivot, build) | ${(longMs / 1000).toFixed(2)} s | ${(refLong.build_ms / 1000).toFixed(2)} s (wide, in memory) | ${(longMs / refLong.build_ms).toFixed(2)} |`,
);
console.log(`long records: weights' largest relative difference vs NumPy ${maxRelLong.toExponential(2)}`);
rmSync(dir, { recursive: true, force: true });
if (!(maxRel < 1e-9) || !(maxRelLong < 1e-9)) process.exit(1);
