/**
 * The compiled SQL on PostgreSQL (`.ci/run` installs Debian's postgresql,
 * starts it and sets XINZHI_TEST_POSTGRES to its URL): every spec variant
 * gives the weights, scores and ranks of the in-memory build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type SqlEngine } from '../../src/adapters/sql/engines.ts';
import { PIVOT_TABLE } from '../../src/core/sql/compile.ts';
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

const url = process.env.XINZHI_TEST_POSTGRES;
if (!url) console.log('skipped: PostgreSQL tests need XINZHI_TEST_POSTGRES=postgres://… (.ci/run sets it)');

const panel = syntheticPanel(40, 5);
let engine: SqlEngine;

describe.skipIf(!url)('compiled SQL on PostgreSQL equals the in-memory build', () => {
  beforeAll(async () => {
    engine = await openEngine(url!);
    await engine.exec('DROP SCHEMA IF EXISTS xinzhi_test CASCADE');
    await engine.exec('CREATE SCHEMA xinzhi_test');
    await loadTable(engine, 'xinzhi_test.panel', panel, [...COLUMNS, 'k']);
  });
  afterAll(async () => {
    await engine.exec('DROP SCHEMA IF EXISTS xinzhi_test CASCADE');
    await engine.close();
  });
  it('long data, pivoted in the engine (once, into a temporary table), with or without other names', async () => {
    await loadLongTable(engine, 'xinzhi_test.panel_long', panel, [...COLUMNS, 'k']);
    // a table of the user's with the pivot table's name, on the search path: neither read nor dropped
    await engine.exec(`DROP TABLE IF EXISTS public.${PIVOT_TABLE}`);
    await engine.exec(`CREATE TABLE public.${PIVOT_TABLE} AS SELECT 'mine' AS kept`);
    for (const [, over] of VARIANTS.slice(0, 6))
      await expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel_long', panel, {
        ...syntheticSpec(over),
        ...LONG,
      });
    // every name of the table in the spec: the checks read the pivot table only
    await expectSameAsMemory(
      engine,
      'postgres',
      'xinzhi_test.panel_long',
      panel,
      withConstant({ ...syntheticSpec(), ...LONG }),
    );
    expect(await engine.query(`SELECT * FROM public.${PIVOT_TABLE}`)).toEqual([{ kept: 'mine' }]);
    await engine.exec(`DROP TABLE public.${PIVOT_TABLE}`);
  });
  for (const [name, over] of VARIANTS) {
    it(name, () => expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel', panel, syntheticSpec(over)));
    it(`${name}, with a constant indicator`, () =>
      expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel', panel, withConstant(syntheticSpec(over))));
  }
});
