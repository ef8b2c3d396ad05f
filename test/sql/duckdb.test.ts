import { afterAll, beforeAll, describe, it } from 'vitest';
import { openEngine, type SqlEngine } from '../../src/adapters/sql/engines.ts';
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
