/**
 * `xinzhi evaluate` as a whole process (start-up, reading the CSV, the build,
 * writing the output) beside a pandas/NumPy script doing the same work in the
 * same run (bench/cli_evaluate_pandas.py): read, min-max, pooled entropy,
 * dimension and index scores, ranks, write JSON. Rows:
 *
 * - `evaluate --json` (stdout to a file) vs the script writing JSON;
 * - `evaluate --out DIR` (results.json, CSV, XLSX, HTML and Word reports) vs
 *   the script writing JSON and CSV;
 * - `evaluate --out DIR --formats json,csv` (results.json, scores.csv,
 *   weights.csv, robustness.csv and spec.json: the files of the script and
 *   no reports) vs the script writing JSON and CSV (`csv-out`);
 * - `evaluate --json` on the same panel as long data (unit, year, indicator,
 *   value: 3 million records for 5,000 units) vs the script reading it and
 *   pivoting it to wide (`--long`); only for panels of up to 5,000 units;
 * - `xinzhi --help` (start-up of the compiled CLI), alone: target < 0.3 s;
 * - CSV read: reading the panel file into the panel `evaluate` builds on
 *   (file → cell grid → typed columns, with every check; bench/_read-csv.ts)
 *   vs pandas.read_csv (bench/csv_read_pandas.py; default float parser
 *   and round_trip, the correctly rounded one as xinzhi's); wall and, in
 *   brackets, CPU seconds (a shared machine stretches wall times). Target: not
 *   slower than read_csv.
 * - results.json read (BENCH_CLI_RUNS=results, or with the default rows):
 *   reading the results.json of `evaluate --out` into the evaluation that
 *   `xinzhi analyze` runs on (bench/_read-results.ts: the file read piece by
 *   piece, the normalised values as typed arrays) vs json.load with the node
 *   scores as a DataFrame and the normalised values as NumPy arrays
 *   (bench/results_read_python.py); wall and CPU seconds of the reading,
 *   and the peak memory of each whole process.
 * - XLSX read and JSON read (only when asked: BENCH_CLI_RUNS=xlsx,json-read):
 *   the same panel as a workbook (one sheet, written by exceljs' streaming
 *   writer; one run each, pandas takes about half a minute on 5,000 units)
 *   or as a JSON array of row objects, read into the panel, vs
 *   pandas.read_excel (openpyxl) / read_json (bench/table_read_pandas.py).
 *
 * The `evaluate` rows run bin/xinzhi.js, which starts itself again with
 * malloc's large blocks in huge pages for an input of 8 MB or more
 * (bin/huge-pages.js); the reading rows run their script in the environment
 * it would give itself for that file.
 *
 * Panels: 5,000 and 20,000 units × 15 years × 40 indicators (BENCH_CLI_UNITS
 * to choose; BENCH_CLI_RUNS=json,out,csv-out,long,read,results,xlsx,json-read to choose the rows, default the first six), made by the generator of bench/measure.ts. Times are the best of
 * BENCH_REPS runs (default 3), xinzhi's and the script's runs taken in turn
 * (a shared machine's speed drifts); peak memory (max RSS) from /usr/bin/time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import seedrandom from 'seedrandom';
import { firmBenchSpec } from './_firm-spec.ts';
import { hugePagesEnv } from '../bin/huge-pages.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'xinzhi.js');
const sizes = (process.env.BENCH_CLI_UNITS ?? '5000,20000').split(',').map(Number);
const runs = new Set((process.env.BENCH_CLI_RUNS ?? 'json,out,csv-out,long,read,results').split(','));
const reps = Number(process.env.BENCH_REPS ?? 3);
const T = 15;
const K = 40;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Run {
  cmd: string;
  args: string[];
  stdoutFile?: string;
}

/** Wall seconds and peak MB of one run of a command. */
function once({ cmd, args, stdoutFile }: Run): { s: number; mb: number } {
  const shell = `${TIME ? `${TIME} -f '%M' ` : ''}${[cmd, ...args].map((a) => `'${a}'`).join(' ')}${stdoutFile ? ` > '${stdoutFile}'` : ' > /dev/null'}`;
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  return { s, mb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

/** Wall seconds and peak MB of a command (best of reps by time). */
function measure(cmd: string, args: string[], stdoutFile?: string): { s: number; mb: number } {
  return measureSideBySide([{ cmd, args, ...(stdoutFile ? { stdoutFile } : {}) }])[0];
}

/**
 * Best of reps (by time) of each command, the commands run in turn (a b a b
 * …) so that a machine whose speed drifts during the run slows each side
 * alike; peak MB of the best run.
 */
function measureSideBySide(commands: Run[]): Array<{ s: number; mb: number }> {
  const best = commands.map(() => ({ s: Infinity, mb: Number.NaN }));
  for (let i = 0; i < reps; i++)
    commands.forEach((c, k) => {
      const r = once(c);
      if (r.s < best[k].s) best[k] = r;
    });
  return best;
}

function makePanel(dir: string, U: number): { csv: string; spec: string } {
  const rng = seedrandom('xinzhi-bench');
  const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);
  const level = Float64Array.from({ length: U }, () => rng());
  const lines = [['unit', 'year', ...names].join(',')];
  for (let t = 0; t < T; t++)
    for (let u = 0; u < U; u++) {
      const row: Array<string | number> = [`u${u}`, 2008 + t];
      for (let j = 0; j < K; j++) row.push(Math.exp(1 + 2 * level[u] + 0.05 * t + 0.5 * rng()) * (1 + (j % 5)));
      lines.push(row.join(','));
    }
  const csv = join(dir, `panel-${U}.csv`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(firmBenchSpec(names)));
  return { csv, spec };
}

/** The wide panel as long data (unit, year, indicator, value) and its spec (the same with `long`). */
function longPanel(csv: string, spec: string): { csv: string; spec: string } {
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const out = ['unit,year,indicator,value'];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    for (let j = 2; j < cells.length; j++) out.push(`${cells[0]},${cells[1]},${header[j]},${cells[j]}`);
  }
  const longCsv = csv.replace(/\.csv$/, '-long.csv');
  writeFileSync(longCsv, `${out.join('\n')}\n`);
  const longSpec = join(dirname(spec), 'spec-long.json');
  writeFileSync(
    longSpec,
    JSON.stringify({ ...JSON.parse(readFileSync(spec, 'utf8')), long: { indicator: 'indicator', value: 'value' } }),
  );
  return { csv: longCsv, spec: longSpec };
}

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-bench-cli-'));
const py = '/usr/bin/python3';
const script = join(here, 'cli_evaluate_pandas.py');
const help = measure(process.execPath, [bin, '--help']);
console.log(`xinzhi --help: ${help.s.toFixed(3)} s (target < 0.3 s)`);
/** The environment `xinzhi` gives itself for reading `file` (bin/huge-pages.js: huge pages for a large file). */
const readerEnv = (file: string): NodeJS.ProcessEnv => hugePagesEnv([file]) ?? process.env;
/** Best wall and CPU seconds of reading `csv` into the spec's panel, in a fresh process (bench/_read-csv.ts). */
function readSeconds(csv: string, spec: string): [number, number] {
  const r = spawnSync(
    process.execPath,
    [join(here, '..', 'bin', 'run-ts.js'), join(here, '_read-csv.ts'), csv, spec, String(Math.max(2, reps))],
    { encoding: 'utf8', env: readerEnv(csv) },
  );
  if (r.status !== 0) throw new Error(`_read-csv.ts failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as [number, number];
}
const readRows: string[] = [];
const f = (x: number) => x.toFixed(2);
/** The "CSV read" row of a panel: xinzhi and pandas each in a fresh process, wall and (CPU) seconds. */
function readRow(csv: string, spec: string, label: string): void {
  const xr = readSeconds(csv, spec);
  const pr = spawnSync(py, [join(here, 'csv_read_pandas.py'), csv, String(Math.max(2, reps))], { encoding: 'utf8' });
  if (pr.status !== 0) throw new Error(`csv_read_pandas.py failed: ${pr.stderr.slice(-2000)}`);
  const pd = JSON.parse(pr.stdout.trim().split('\n').pop()!) as Record<'default' | 'round_trip', [number, number]>;
  readRows.push(
    `| ${label} | CSV read (CPU) | ${f(xr[0])} s (${f(xr[1])}) | ${f(pd.default[0])} s (${f(pd.default[1])}); round_trip ${f(pd.round_trip[0])} s (${f(pd.round_trip[1])}) | ${f(xr[0] / pd.default[0])} (${f(xr[1] / pd.default[1])}); round_trip ${f(xr[0] / pd.round_trip[0])} (${f(xr[1] / pd.round_trip[1])}) | — |`,
  );
}
/** The panel CSV as a one-sheet workbook (numbers as numbers). */
async function xlsxOf(csv: string): Promise<string> {
  const path = csv.replace(/\.csv$/, '.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = wb.addWorksheet('data');
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  ws.addRow(lines[0].split(',')).commit();
  for (let i = 1; i < lines.length; i++)
    ws.addRow(lines[i].split(',').map((v, j) => (j === 0 ? v : Number(v)))).commit();
  await wb.commit();
  return path;
}
/** The panel CSV as a JSON array of row objects (numbers as numbers). */
function jsonOf(csv: string): string {
  const path = csv.replace(/\.csv$/, '.json');
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const records = lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, j) => [h, j === 0 ? cells[j] : Number(cells[j])]));
  });
  writeFileSync(path, JSON.stringify(records));
  return path;
}
/**
 * The "XLSX read" / "JSON read" rows: xinzhi (bench/_read-csv.ts reads any
 * table file) and pandas.read_excel / read_json (bench/table_read_pandas.py).
 */
async function fileRow(kind: 'XLSX' | 'JSON', csv: string, spec: string, label: string): Promise<void> {
  const file = kind === 'XLSX' ? await xlsxOf(csv) : jsonOf(csv);
  const n = kind === 'XLSX' ? '1' : String(Math.max(2, reps));
  const r = spawnSync(
    process.execPath,
    [join(here, '..', 'bin', 'run-ts.js'), join(here, '_read-csv.ts'), file, spec, n],
    { encoding: 'utf8', env: readerEnv(file) },
  );
  if (r.status !== 0) throw new Error(`_read-csv.ts failed: ${r.stderr.slice(-2000)}`);
  const xr = JSON.parse(r.stdout.trim().split('\n').pop()!) as [number, number];
  const pr = spawnSync(py, [join(here, 'table_read_pandas.py'), file, n], { encoding: 'utf8' });
  if (pr.status !== 0) throw new Error(`table_read_pandas.py failed: ${pr.stderr.slice(-2000)}`);
  const pd = JSON.parse(pr.stdout.trim().split('\n').pop()!) as [number, number];
  readRows.push(
    `| ${label} | ${kind} read, ${(statSync(file).size / 1e6).toFixed(0)} MB (CPU) | ${f(xr[0])} s (${f(xr[1])}) | ${f(pd[0])} s (${f(pd[1])}) | ${f(xr[0] / pd[0])} (${f(xr[1] / pd[1])}) | — |`,
  );
}
/**
 * The "results.json read" row: the results.json of `evaluate --out` (written
 * here when the --out row did not run) read by xinzhi and by Python, each in
 * a fresh process: best wall and CPU seconds of the reading from inside, the
 * peak memory of the whole process (/usr/bin/time).
 */
function resultsRow(csv: string, spec: string, label: string): void {
  const file = join(dir, 'out', 'results.json');
  if (!existsSync(file)) {
    const w = spawnSync(process.execPath, [bin, 'evaluate', '--data', csv, '--spec', spec, '--out', join(dir, 'out')]);
    if (w.status !== 0) throw new Error(`evaluate --out failed: ${w.stderr.toString().slice(-2000)}`);
  }
  const n = String(Math.max(2, reps));
  const inside = (cmd: string, args: string[], env = process.env): { s: number; cpu: number; mb: number } => {
    const shell = `${TIME ? `${TIME} -f '%M' ` : ''}${[cmd, ...args].map((a) => `'${a}'`).join(' ')}`;
    const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr.slice(-2000)}`);
    const [s, cpu] = JSON.parse(r.stdout.trim().split('\n').pop()!) as [number, number];
    return { s, cpu, mb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
  };
  const x = inside(
    process.execPath,
    [join(here, '..', 'bin', 'run-ts.js'), join(here, '_read-results.ts'), file, n],
    readerEnv(file),
  );
  const p = inside(py, [join(here, 'results_read_python.py'), file, n]);
  readRows.push(
    `| ${label} | results.json read, ${(statSync(file).size / 1e6).toFixed(0)} MB (CPU) | ${f(x.s)} s (${f(x.cpu)}) | ${f(p.s)} s (${f(p.cpu)}), json.load | ${f(x.s / p.s)} (${f(x.cpu / p.cpu)}) | ${x.mb.toFixed(0)} / ${p.mb.toFixed(0)} |`,
  );
}
console.log('| panel | run | xinzhi | pandas/NumPy | ratio (time) | peak MB xinzhi / pandas |');
console.log('|---|---|---|---|---|---|');
for (const U of sizes) {
  const { csv, spec } = makePanel(dir, U);
  const label = `${U.toLocaleString('en')} × ${T} × ${K} (${(statSync(csv).size / 1e6).toFixed(0)} MB CSV)`;
  if (runs.has('read')) readRow(csv, spec, label);
  if (runs.has('xlsx')) await fileRow('XLSX', csv, spec, label);
  if (runs.has('json-read')) await fileRow('JSON', csv, spec, label);
  /** A row: xinzhi's and the script's runs in turn (measureSideBySide). */
  const row = (run: string, x: Run, p: Run) => {
    const [xr, pr] = measureSideBySide([x, p]);
    console.log(
      `| ${label} | ${run} | ${f(xr.s)} s | ${f(pr.s)} s | ${f(xr.s / pr.s)} | ${xr.mb.toFixed(0)} / ${pr.mb.toFixed(0)} |`,
    );
  };
  const node = (args: string[], stdoutFile?: string): Run => ({
    cmd: process.execPath,
    args: [bin, 'evaluate', ...args],
    ...(stdoutFile ? { stdoutFile } : {}),
  });
  const pandas = (args: string[]): Run => ({ cmd: py, args: [script, ...args] });
  if (runs.has('json'))
    row(
      'evaluate --json',
      node(['--data', csv, '--spec', spec, '--json'], join(dir, 'x.json')),
      pandas([csv, join(dir, 'p.json')]),
    );
  if (runs.has('out'))
    row(
      'evaluate --out',
      node(['--data', csv, '--spec', spec, '--out', join(dir, 'out')]),
      pandas([csv, join(dir, 'p.json'), join(dir, 'p.csv')]),
    );
  if (runs.has('csv-out')) {
    row(
      'evaluate --out --formats json,csv',
      node(['--data', csv, '--spec', spec, '--out', join(dir, 'out-csv'), '--formats', 'json,csv']),
      pandas([csv, join(dir, 'p.json'), join(dir, 'p.csv')]),
    );
    rmSync(join(dir, 'out-csv'), { recursive: true, force: true });
  }
  if (runs.has('long') && U <= 5000) {
    const { csv: longCsv, spec: longSpec } = longPanel(csv, spec);
    const mb = (statSync(longCsv).size / 1e6).toFixed(0);
    row(
      `evaluate --json, long data (${mb} MB)`,
      node(['--data', longCsv, '--spec', longSpec, '--json'], join(dir, 'xl.json')),
      pandas(['--long', longCsv, join(dir, 'pl.json')]),
    );
    rmSync(longCsv);
  }
  if (runs.has('results')) resultsRow(csv, spec, label);
  rmSync(join(dir, 'out'), { recursive: true, force: true });
}
for (const row of readRows) console.log(row);
rmSync(dir, { recursive: true, force: true });
