/**
 * The compiled CLI: `xinzhi --help` lists every command, `xinzhi sql` prints
 * a script, `xinzhi evaluate --engine duckdb: --data FILE` reads a file into
 * DuckDB and gives the in-memory build's weights and scores, and the package
 * tarball holds the compiled JavaScript rather than the TypeScript sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/adapters/cli/summaries.ts';
import { openEngine } from '../../src/adapters/sql/engines.ts';
import { COLUMNS, syntheticPanel, syntheticSpec } from './fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/xinzhi.js'), ...args], { encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sql-'));
const panel = syntheticPanel(25, 4);
const csv = join(dir, 'panel.csv');
writeFileSync(
  csv,
  [
    ['unit', 'year', ...COLUMNS].join(','),
    ...panel.unit.map((u, r) => [u, panel.time[r], ...COLUMNS.map((c) => panel.columns[c][r])].join(',')),
  ].join('\n'),
);
const spec = join(dir, 'spec.json');
writeFileSync(spec, JSON.stringify(syntheticSpec({ weights: { method: 'critic' } })));

type RunJson = { weights: Record<string, number>; scores: Array<{ unit: string; time: number; rank: number }> };

/** The CSV file as a Parquet file `name` in the test folder (DuckDB's COPY). */
async function parquetOf(csvPath: string, name: string): Promise<string> {
  const parquet = join(dir, name);
  const engine = await openEngine('duckdb:');
  await engine.exec(`COPY (SELECT * FROM read_csv('${csvPath}', header = true)) TO '${parquet}' (FORMAT parquet)`);
  await engine.close();
  return parquet;
}

/** The engine's weights equal the in-memory run's to 1e-12, and so do its ranks. */
function expectSameRun(engine: RunJson, mem: RunJson): void {
  for (const [id, w] of Object.entries(mem.weights)) expect(Math.abs(engine.weights[id] - w) / w).toBeLessThan(1e-12);
  const ranks = new Map(mem.scores.map((s) => [`${s.unit}|${s.time}`, s.rank]));
  for (const s of engine.scores) expect(s.rank).toBe(ranks.get(`${s.unit}|${s.time}`));
}

describe('xinzhi CLI (compiled)', () => {
  it('--help lists every command', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const name of Object.keys(COMMAND_SUMMARIES)) expect(r.stdout).toContain(`  ${name}`);
  });
  it('help <command> loads that command', () => {
    const r = run('help', 'sql');
    expect(r.stdout).toContain('--dialect');
  });
  it('sql prints the script for a dialect', () => {
    const r = run('sql', '--spec', spec, '--dialect', 'clickhouse', '--table', 'dw.panel');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ARRAY JOIN');
    expect(r.stdout).toContain('FROM "dw"."panel"');
  });
  it('sql without a spec says which option is missing', () => {
    const r = run('sql', '--dialect', 'trino');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--spec');
  });
  it('evaluate --engine duckdb: --data FILE equals the in-memory evaluation', () => {
    const engine = JSON.parse(
      execFileSync(
        process.execPath,
        [join(ROOT, 'bin/xinzhi.js'), 'evaluate', '--engine', 'duckdb:', '--data', csv, '--spec', spec, '--json'],
        { encoding: 'utf8' },
      ),
    );
    const mem = JSON.parse(
      execFileSync(
        process.execPath,
        [join(ROOT, 'bin/xinzhi.js'), 'evaluate', '--data', csv, '--spec', spec, '--json'],
        { encoding: 'utf8' },
      ),
    );
    expect(engine.dialect).toBe('duckdb');
    expectSameRun(engine, mem);
  });
  it('evaluate --data LONG.parquet pivots the long records in DuckDB: the in-memory evaluation of the long CSV', async () => {
    const longCsv = join(dir, 'panel-long.csv');
    writeFileSync(
      longCsv,
      [
        'unit,year,indicator,value',
        ...panel.unit.flatMap((u, r) => COLUMNS.map((c) => [u, panel.time[r], c, panel.columns[c][r]].join(','))),
      ].join('\n'),
    );
    const longSpec = join(dir, 'spec-long.json');
    writeFileSync(
      longSpec,
      JSON.stringify({
        ...syntheticSpec({ weights: { method: 'critic' } }),
        long: { indicator: 'indicator', value: 'value' },
      }),
    );
    const parquet = await parquetOf(longCsv, 'panel-long.parquet');
    const viaSql = run('evaluate', '--data', parquet, '--spec', longSpec, '--json');
    expect(viaSql.status, viaSql.stderr).toBe(0);
    const sql = JSON.parse(viaSql.stdout);
    expect(sql.dialect).toBe('duckdb');
    const mem = JSON.parse(run('evaluate', '--data', longCsv, '--spec', longSpec, '--json').stdout);
    expectSameRun(sql, mem);
    // the script of long data starts with its two checks
    const script = run('sql', '--spec', longSpec, '--dialect', 'trino', '--table', 'dw.panel_long').stdout;
    expect(script).toContain('SELECT DISTINCT "indicator" AS i__ FROM "dw"."panel_long"');
    expect(script).toContain('HAVING COUNT(*) > 1');
  });
  it('evaluate --data FILE.parquet runs the build in DuckDB', async () => {
    const parquet = await parquetOf(csv, 'panel.parquet');
    const r = run('evaluate', '--data', parquet, '--spec', spec, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.dialect).toBe('duckdb');
    expect(out.scores.length).toBe(panel.unit.length);
  });
  it('evaluate --data FILE.parquet with a spec SQL does not compile reads the file into memory', async () => {
    const parquet = await parquetOf(csv, 'panel-mem.parquet');
    const topsis = join(dir, 'spec-topsis.json');
    writeFileSync(topsis, JSON.stringify(syntheticSpec({ score: { topsis: {} } })));
    const r = run('evaluate', '--data', parquet, '--spec', topsis, '--json', '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('read into memory');
    const fromParquet = JSON.parse(r.stdout);
    const fromCsv = JSON.parse(run('evaluate', '--data', csv, '--spec', topsis, '--json').stdout);
    expect(fromParquet.weights).toEqual(fromCsv.weights);
    expect(fromParquet.topsis).toEqual(fromCsv.topsis);
    expect(fromParquet.scores).toEqual(fromCsv.scores);
  });
  it('evaluate --units without --out is refused (the units are listed in reports)', () => {
    const r = run('evaluate', '--data', csv, '--spec', spec, '--json', '--units', 'U0001');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--units');
    expect(r.stdout).toBe('');
  });
  it('the package tarball ships dist/, not the TypeScript sources', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const files = (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path);
    expect(files).toContain('dist/adapters/cli/main.js');
    expect(files.some((f) => f.startsWith('dist/adapters/chunks/'))).toBe(true); // the bundle's shared code (scripts/bundle-cli.ts)
    expect(files).toContain('bin/xinzhi.js');
    expect(files).toContain('lib/exceljs-workbook.cjs'); // package.json "imports" #exceljs under Node
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
  });
});
