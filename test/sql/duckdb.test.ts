import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { compileIndexSql, PIVOT_TABLE } from '../../src/core/sql/compile.ts';
import { openEngine, runIndexSql, type SqlEngine } from '../../src/adapters/sql/engines.ts';
import { expectSameAsMemory } from './compare.ts';
import {
  COLUMNS,
  LONG,
  loadLongTable,
  loadTable,
  syntheticPanel,
  syntheticSpec,
  VARIANTS,
  withConstant,
} from './fixture.ts';

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

describe('long data: pivoted in the engine, the same as the wide table', () => {
  beforeAll(() => loadLongTable(engine, 'panel_long', panel, [...COLUMNS, 'k']));
  for (const [name, over] of VARIANTS.slice(0, 6))
    it(name, () => expectSameAsMemory(engine, 'duckdb', 'panel_long', panel, { ...syntheticSpec(over), ...LONG }));
  it('with a constant indicator', () =>
    expectSameAsMemory(engine, 'duckdb', 'panel_long', panel, withConstant({ ...syntheticSpec(), ...LONG })));
  const run = (table: string, spec: Record<string, unknown>) =>
    runIndexSql(compileIndexSql(spec, 'duckdb', { table }), engine, 'firms.parquet');
  it('names an indicator the table does not hold, with the closest name, before the build', async () => {
    const spec = syntheticSpec();
    const indicators = spec.indicators as Array<{ column: string }>;
    const renamed = { ...spec, ...LONG, indicators: indicators.map((i, j) => (j === 0 ? { ...i, column: 'A1' } : i)) };
    const err = await run('panel_long', renamed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems;
    expect(p.map((x) => [x.code, x.column, x.file])).toEqual([['missing-column', 'A1', 'firms.parquet']]);
    expect(p[0].fix?.en).toContain('"a1"');
  });
  it('names every (unit, time, indicator) that appears twice instead of taking one', async () => {
    await engine.exec('CREATE OR REPLACE TABLE panel_long2 AS SELECT * FROM panel_long');
    await engine.exec(
      "INSERT INTO panel_long2 VALUES ('U0003', 2011, 'b1', 1.5), ('U0003', 2011, 'b1', 2.5), ('U0001', 2010, 'a2', 9)",
    );
    const err = await run('panel_long2', { ...syntheticSpec(), ...LONG }).catch((e: unknown) => e);
    const p = (err as XinzhiError).problems;
    expect(p.map((x) => [x.code, x.unit, x.time, x.column])).toEqual([
      ['duplicate-row', 'U0001', 2010, 'a2'],
      ['duplicate-row', 'U0003', 2011, 'b1'],
    ]);
    expect(p[1].message.en).toBe('Indicator "b1" for unit U0003, time 2011 has 3 records.');
  });
  it('an absent record is a missing value of its indicator', async () => {
    await engine.exec(
      "CREATE OR REPLACE TABLE panel_long3 AS SELECT * FROM panel_long WHERE NOT (unit = 'U0002' AND year = 2012 AND indicator = 'c1')",
    );
    const err = await run('panel_long3', { ...syntheticSpec(), ...LONG }).catch((e: unknown) => e);
    expect((err as XinzhiError).problems.map((x) => [x.code, x.column])).toEqual([['sql-missing', 'c1']]);
  });
  it('reads the checks from the pivot table when every (unit, time) has one value per name, else from the records', async () => {
    await engine.exec(
      `CREATE OR REPLACE TABLE panel_long4 AS SELECT * FROM panel_long WHERE indicator IN (${COLUMNS.map((c) => `'${c}'`).join(', ')})`,
    );
    const spec = { ...syntheticSpec(), ...LONG };
    const sent: string[] = [];
    const watched: SqlEngine = {
      ...engine,
      query: (sql) => {
        sent.push(sql);
        return engine.query(sql);
      },
    };
    const checks = (table: string) => {
      const long = compileIndexSql(spec, 'duckdb', { table }).long!;
      return [long.namesQuery, long.countsQuery].filter((q) => sent.includes(q)).length;
    };
    await expectSameAsMemory(watched, 'duckdb', 'panel_long4', panel, spec);
    expect(checks('panel_long4')).toBe(0); // the table holds the spec's names only, once each
    await expectSameAsMemory(watched, 'duckdb', 'panel_long', panel, spec);
    expect(checks('panel_long')).toBe(2); // it holds another name too (k)
  });
  it('pivots the records once into a temporary table, dropped after a run, a failed check or a failed build', async () => {
    const plan = compileIndexSql({ ...syntheticSpec(), ...LONG }, 'duckdb', { table: 'panel_long' });
    expect(plan.long?.pivoted?.create).toMatch(new RegExp(`^CREATE TEMP TABLE "${PIVOT_TABLE}" AS SELECT`));
    const pivotGone = () =>
      engine.query(`SELECT * FROM temp.${PIVOT_TABLE}`).then(
        () => false,
        () => true,
      );
    // a table of the user's with the pivot table's name is neither read nor dropped
    await engine.exec(`CREATE TABLE main.${PIVOT_TABLE} AS SELECT 'mine' AS kept`);
    await expectSameAsMemory(engine, 'duckdb', 'panel_long', panel, { ...syntheticSpec(), ...LONG });
    expect(await pivotGone()).toBe(true);
    await engine.exec(`CREATE TEMP TABLE ${PIVOT_TABLE} AS SELECT 1 AS left_over`); // from a run that did not end
    await runIndexSql(plan, engine); // made anew
    for (const table of ['panel_long2', 'panel_long3']) {
      await expect(run(table, { ...syntheticSpec(), ...LONG })).rejects.toBeInstanceOf(XinzhiError);
      expect(await pivotGone()).toBe(true);
    }
    expect(await engine.query(`SELECT * FROM main.${PIVOT_TABLE}`)).toEqual([{ kept: 'mine' }]);
    await engine.exec(`DROP TABLE main.${PIVOT_TABLE}`);
  });
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
