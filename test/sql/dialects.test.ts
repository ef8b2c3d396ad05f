/**
 * Dialects that cannot run here (Spark SQL, Trino, Doris / StarRocks): the
 * generated SQL parses with node-sql-parser's grammar for that dialect (hive
 * for Spark SQL, trino, mysql for Doris). Also: specs the compiler cannot
 * express are refused with the field to change, and literals are cast.
 */
import sqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { compileIndexSql } from '../../src/core/sql/compile.ts';
import { DIALECTS } from '../../src/core/sql/dialect.ts';
import { LONG, syntheticSpec, VARIANTS, withConstant } from './fixture.ts';

const parser = new sqlParser.Parser();
const GRAMMARS = { spark: 'hive', trino: 'trino', doris: 'mysql', postgres: 'postgresql' } as const;

describe('generated SQL parses in the dialects not run live', () => {
  for (const [dialect, grammar] of Object.entries(GRAMMARS) as Array<[keyof typeof GRAMMARS, string]>) {
    for (const [name, over] of VARIANTS) {
      it(`${dialect} (${grammar} grammar): ${name}`, () => {
        const plan = compileIndexSql(withConstant(syntheticSpec(over)), dialect, { table: 'dw.panel' });
        for (const q of [plan.weightsQuery, plan.scoresQuery])
          expect(() => parser.astify(q, { database: grammar })).not.toThrow();
      });
    }
    for (const [name, over] of VARIANTS.slice(0, 3))
      it(`${dialect} (${grammar} grammar): long data, ${name}, with its check queries`, () => {
        const plan = compileIndexSql({ ...syntheticSpec(over), ...LONG }, dialect, { table: 'dw.panel_long' });
        const { namesQuery, countsQuery, duplicatesQuery, pivoted } = plan.long!;
        for (const q of [plan.weightsQuery, plan.scoresQuery, namesQuery, countsQuery, duplicatesQuery])
          expect(() => parser.astify(q, { database: grammar })).not.toThrow();
        // the one-pass build through a temporary table: DuckDB and PostgreSQL only
        expect(pivoted !== undefined).toBe(dialect === 'postgres');
        if (pivoted)
          for (const q of [
            pivoted.create,
            pivoted.countsQuery,
            pivoted.weightsQuery,
            pivoted.scoresQuery,
            pivoted.drop,
          ])
            expect(() => parser.astify(q, { database: grammar })).not.toThrow();
      });
  }
  it('the grammar check can fail: a script with one parenthesis dropped does not parse', () => {
    const q = compileIndexSql(syntheticSpec(), 'spark', { table: 'dw.panel' }).weightsQuery;
    const broken = q.replace('SUM(z_0)', 'SUM(z_0');
    expect(() => parser.astify(broken, { database: 'hive' })).toThrow();
  });
  it('marks which dialects are tested on a live engine', () => {
    expect(
      Object.values(DIALECTS)
        .filter((d) => d.testedLive)
        .map((d) => d.name),
    ).toEqual(['duckdb', 'postgres', 'clickhouse']);
  });
});

describe('compiling', () => {
  it('quotes identifiers per dialect and casts every literal', () => {
    const spec = syntheticSpec({ normalize: { method: 'minmax', shift: 0.01 } });
    expect(compileIndexSql(spec, 'spark', { table: 'dw.panel' }).weightsQuery).toContain('FROM `dw`.`panel`');
    const pg = compileIndexSql(spec, 'postgres', { table: 'dw.panel' });
    expect(pg.weightsQuery).toContain('FROM "dw"."panel"');
    expect(pg.weightsQuery).toContain('CAST(0.01 AS DOUBLE PRECISION)');
    // no bare decimal literal outside a CAST
    expect(pg.scoresQuery.replace(/CAST\([^()]* AS DOUBLE PRECISION\)/g, '')).not.toMatch(/[^\w.]\d+\.\d+/);
  });
  it('refuses what it cannot express, naming the field and the fix in both languages', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ weights: { method: 'pca' } }, 'weights.method'],
      [{ weights: { method: 'entropy', scope: 'children' } }, 'weights.scope'],
      [{ missing: { method: 'interpolate' } }, 'missing.method'],
      [{ normalize: { method: 'zscore' } }, 'normalize.method'],
      [{ score: { topsis: true } }, 'score.topsis'],
      [{ normalize: { range: [0, 100] } }, 'normalize.range'],
      [{ weights: { method: 'entropy', entropy: { pEpsilon: 1e-10 } } }, 'weights.entropy'],
    ];
    for (const [over, field] of cases) {
      try {
        compileIndexSql(syntheticSpec(over), 'duckdb', { table: 'panel' });
        expect.unreachable(field);
      } catch (e) {
        expect(e).toBeInstanceOf(XinzhiError);
        const p = (e as XinzhiError).problems[0];
        expect(p.column).toBe(field);
        expect(p.message.zh).toContain(field);
        expect(p.fix?.en.length).toBeGreaterThan(10);
      }
    }
  });
});
