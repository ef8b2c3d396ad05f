/**
 * scores.parquet: every unit's score and rank of every node, read back with
 * DuckDB, equal to the result's own numbers; written for large panels without
 * being asked and for small ones only on request.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parquetColumns,
  scoresParquetPlan,
  writeScoresParquet,
  writeScoresParquetPlan,
  PARQUET_ROW_GROUP,
} from '../../src/adapters/io/write-parquet.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { PARQUET_FILE, writeOutputs } from '../../src/adapters/io/write-outputs.ts';
import { LARGE_PANEL_UNITS } from '../../src/adapters/report/large-panel.ts';
import { ScoreTable } from '../../src/adapters/report/lookup.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { syntheticPanel, syntheticSpec } from '../sql/fixture.ts';
import { readParquet } from './parquet-read.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'xinzhi-parquet-'));
  dirs.push(d);
  return d;
};

describe('scores.parquet', () => {
  const result = evaluate(syntheticPanel(40, 4), syntheticSpec());
  it('holds every unit, period and node with the result’s scores and ranks', async () => {
    const path = join(await tmp(), 'scores.parquet');
    await writeScoresParquet(result, path);
    const rows = await readParquet(path);
    const { nodes, columns } = parquetColumns(result);
    expect(Object.keys(rows[0])).toEqual(columns);
    expect(rows).toHaveLength(result.units.length * result.times.length);
    const table = new ScoreTable(result);
    for (const r of rows) {
      const unit = r.unit as string;
      const time = r.time as number;
      for (const id of nodes) {
        expect(r[`score_${id}`]).toBe(table.score(id, unit, time));
        expect(r[`rank_${id}`]).toBe(table.rank(id, unit, time));
      }
    }
  });
  it('keeps the rows in scores.csv order across many chunks (2,048 rows each), with text periods and missing values as NULL', async () => {
    const big = evaluate(syntheticPanel(700, 4), syntheticSpec()); // 2,800 rows: two chunks
    const plan = scoresParquetPlan(big);
    const n = plan.lines.length / 3;
    // the same rows with text periods, a missing score and a rank that is not a number
    const cols = plan.columns.map((c) => c && { score: c.score.slice(), rank: c.rank.slice() });
    cols[0]!.score[plan.lines[3 * 2049 + 2]] = Number.NaN;
    cols[0]!.rank[plan.lines[3 * 5 + 2]] = Number.POSITIVE_INFINITY;
    const textPlan = { ...plan, numericTime: false, times: plan.times.map((t) => `Y${t}`), columns: cols };
    const dir = await tmp();
    for (const [name, p] of [
      ['numbers.parquet', plan],
      ['text.parquet', textPlan],
    ] as const) {
      const path = join(dir, name);
      await writeScoresParquetPlan(p, path);
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      try {
        // the file's own row order (no ORDER BY)
        const rows = (await con.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS();
        expect(rows).toHaveLength(n);
        for (let r = 0; r < n; r++) {
          const [u, t, i] = [plan.lines[3 * r], plan.lines[3 * r + 1], plan.lines[3 * r + 2]];
          expect(rows[r].unit).toBe(plan.units[u]);
          expect(rows[r].time).toBe(p.times[t]);
          p.nodes.forEach((id, k) => {
            const s = p.columns[k]!.score[i];
            const rk = p.columns[k]!.rank[i];
            expect(rows[r][`score_${id}`]).toBe(Number.isFinite(s) ? s : null);
            expect(rows[r][`rank_${id}`]).toBe(Number.isFinite(rk) ? rk : null);
          });
        }
        if (p === textPlan) {
          expect(rows[2049][`score_${p.nodes[0]}`]).toBeNull();
          expect(rows[5][`rank_${p.nodes[0]}`]).toBeNull();
        }
      } finally {
        con.closeSync();
        db.closeSync();
      }
    }
  }, 120_000);
  it('holds row groups of at most PARQUET_ROW_GROUP rows, every row once', async () => {
    const units = Array.from({ length: 7000 }, (_, u) => `firm ${u}`);
    const n = units.length * 10; // 70,000 rows: three groups
    const lines = new Int32Array(3 * n);
    for (let r = 0; r < n; r++) lines.set([Math.floor(r / 10), r % 10, r], 3 * r);
    const score = Float64Array.from({ length: n }, (_, i) => i / n);
    const plan = {
      nodes: ['index'],
      units,
      times: Array.from({ length: 10 }, (_, t) => 2010 + t),
      numericTime: true,
      lines,
      columns: [{ score, rank: score.map((x) => x * 7000) }],
    };
    const path = join(await tmp(), 'groups.parquet');
    await writeScoresParquetPlan(plan, path);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const groups = (
        await con.runAndReadAll(
          `SELECT row_group_id, max(row_group_num_rows)::INTEGER AS rows FROM parquet_metadata('${path}') GROUP BY row_group_id ORDER BY row_group_id`,
        )
      ).getRowObjectsJS();
      expect(groups.length).toBe(Math.ceil(n / PARQUET_ROW_GROUP));
      for (const g of groups) expect(g.rows as number).toBeLessThanOrEqual(PARQUET_ROW_GROUP);
      expect(groups.reduce((a, g) => a + (g.rows as number), 0)).toBe(n);
      const [sums] = (
        await con.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(score_index) AS s FROM read_parquet('${path}')`)
      ).getRowObjectsJS();
      expect(sums.n).toBe(n);
      expect(sums.s).toBeCloseTo((n - 1) / 2, 6);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  }, 60_000);
  it('is written by evaluate --out for large panels, and for small ones only when asked', async () => {
    const big = evaluate(syntheticPanel(LARGE_PANEL_UNITS + 1, 2), syntheticSpec());
    const d1 = await tmp();
    await writeOutputs(big, d1, { lang: 'en', date: '2026-01-01' });
    expect(await readdir(d1)).toContain(PARQUET_FILE);
    const d2 = await tmp();
    await writeOutputs(result, d2, { lang: 'en', date: '2026-01-01' });
    expect(await readdir(d2)).not.toContain(PARQUET_FILE);
    const d3 = await tmp();
    await writeOutputs(result, d3, { lang: 'en', date: '2026-01-01', parquet: true });
    expect(await readdir(d3)).toContain(PARQUET_FILE);
  }, 120_000);
});
