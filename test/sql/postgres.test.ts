/**
 * The compiled SQL on PostgreSQL (`.ci/run` installs Debian's postgresql,
 * starts it and sets XINZHI_TEST_POSTGRES to its URL): every spec variant
 * gives the weights, scores and ranks of the in-memory build.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openEngine, type SqlEngine } from '../../src/adapters/sql/engines.ts';
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
  it('long data, pivoted in the engine', async () => {
    await loadLongTable(engine, 'xinzhi_test.panel_long', panel, [...COLUMNS, 'k']);
    for (const [, over] of VARIANTS.slice(0, 6))
      await expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel_long', panel, {
        ...syntheticSpec(over),
        ...LONG,
      });
  });
  for (const [name, over] of VARIANTS) {
    it(name, () => expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel', panel, syntheticSpec(over)));
    it(`${name}, with a constant indicator`, () =>
      expectSameAsMemory(engine, 'postgres', 'xinzhi_test.panel', panel, withConstant(syntheticSpec(over))));
  }
});
