import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { compileIndexSql } from '../../src/core/sql/compile.ts';
import { openEngine, runIndexSql, type SqlEngine } from '../../src/adapters/sql/engines.ts';
import { expectSameAsMemory } from './compare.ts';
import { COLUMNS, loadTable, syntheticPanel, syntheticSpec, VARIANTS, withConstant } from './fixture.ts';

const panel = syntheticPanel(40, 5);
let engine: SqlEngine;
beforeAll(async () => {
  engine = await openEngine('duckdb:');
  await loadTable(engine, 'panel', panel, [...COLUMNS, 'k']);
});
afterAll(() => engine.close());

describe('compiled SQL on DuckDB equals the in-memory build', () => {
  for (const [name, over] of VARIANTS) {
    it(name, () => expectSameAsMemory(engine, 'duckdb', 'panel', panel, syntheticSpec(over)));
    it(`${name}, with a constant indicator`, () =>
      expectSameAsMemory(engine, 'duckdb', 'panel', panel, withConstant(syntheticSpec(over))));
  }
});

describe('a table the spec does not fit', () => {
  const run = (table: string, spec = syntheticSpec()) =>
    runIndexSql(compileIndexSql(spec, 'duckdb', { table }), engine, 'firms.parquet');
  it('names every missing column, the file and the closest name, before any query runs', async () => {
    const spec = syntheticSpec();
    const indicators = spec.indicators as Array<{ column: string }>;
    const renamed = { ...spec, indicators: indicators.map((i, j) => (j === 0 ? { ...i, column: 'X1' } : i)) };
    const err = await run('panel', renamed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems;
    expect(p.map((x) => [x.code, x.column, x.file])).toEqual([['missing-column', 'X1', 'firms.parquet']]);
    expect(p[0].fix?.en).toContain(`"${indicators[0].column}"`);
  });
  it('an empty table is named as such', async () => {
    await engine.exec('CREATE OR REPLACE TABLE empty_panel AS SELECT * FROM panel LIMIT 0');
    const err = await run('empty_panel').catch((e: unknown) => e);
    expect((err as XinzhiError).problems[0].code).toBe('sql-empty');
  });
});
