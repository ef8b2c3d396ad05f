/**
 * scores.parquet: every unit's score and rank of every node, read back with
 * DuckDB, equal to the result's own numbers; written for large panels without
 * being asked and for small ones only on request.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetColumns, writeScoresParquet } from '../../src/adapters/io/write-parquet.ts';
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
