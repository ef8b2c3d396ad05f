/**
 * The compiled SQL on a ClickHouse cluster of three shards with a Distributed
 * table over them (test/sql/clickhouse/cluster.sh; `.ci/run` starts it and
 * sets XINZHI_TEST_CLICKHOUSE to the shards' URLs). The panel is split over
 * the shards at random, several times: the weights and scores equal the
 * in-memory build's whatever the split.
 */
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, runIndexSql, type SqlEngine } from '../../src/adapters/sql/engines.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { compileIndexSql } from '../../src/core/sql/compile.ts';
import { expectSameAsMemory, TOL } from './compare.ts';
import { COLUMNS, LONG, syntheticPanel, syntheticSpec, VARIANTS, withConstant } from './fixture.ts';

const urls = (process.env.XINZHI_TEST_CLICKHOUSE ?? '').split(',').filter(Boolean);
if (urls.length !== 3)
  console.log(
    'skipped: ClickHouse cluster tests need XINZHI_TEST_CLICKHOUSE=<three shard URLs> (test/sql/clickhouse/cluster.sh; .ci/run sets it)',
  );

const panel = syntheticPanel(40, 5);
const ALL = [...COLUMNS, 'k'];
let shards: SqlEngine[] = [];

/** Put row r of the panel on shard part(r). */
async function distribute(part: (r: number) => number): Promise<number[]> {
  const lines: string[][] = [[], [], []];
  for (let r = 0; r < panel.unit.length; r++) {
    const row: Record<string, unknown> = { unit: panel.unit[r], year: panel.time[r] };
    for (const c of ALL) row[c] = panel.columns[c][r];
    lines[part(r)].push(JSON.stringify(row));
  }
  for (let i = 0; i < 3; i++) {
    await shards[i].exec('TRUNCATE TABLE panel_local');
    if (lines[i].length) await shards[i].exec(`INSERT INTO panel_local FORMAT JSONEachRow\n${lines[i].join('\n')}\n`);
  }
  return lines.map((l) => l.length);
}

describe.skipIf(urls.length !== 3)('compiled SQL on a three-shard ClickHouse cluster (Distributed table)', () => {
  beforeAll(async () => {
    shards = await Promise.all(urls.map((u) => openEngine(u)));
    for (const s of shards) {
      await s.exec('DROP TABLE IF EXISTS panel');
      await s.exec('DROP TABLE IF EXISTS panel_local');
      await s.exec(
        `CREATE TABLE panel_local (unit String, year Int32, ${ALL.map((c) => `${c} Float64`).join(', ')}) ENGINE = MergeTree ORDER BY (unit, year)`,
      );
    }
    await shards[0].exec(
      'CREATE TABLE panel AS panel_local ENGINE = Distributed(xinzhi3, default, panel_local, rand())',
    );
    const rng = seedrandom('shards');
    const sizes = await distribute(() => Math.floor(rng() * 3));
    expect(sizes.every((n) => n > 0)).toBe(true);
  });
  afterAll(async () => {
    for (const s of shards) await s.close();
  });

  for (const [name, over] of VARIANTS) {
    it(name, () => expectSameAsMemory(shards[0], 'clickhouse', 'panel', panel, syntheticSpec(over)));
    it(`${name}, with a constant indicator`, () =>
      expectSameAsMemory(shards[0], 'clickhouse', 'panel', panel, withConstant(syntheticSpec(over))));
  }

  it('long data, pivoted across the shards (a unit-year’s records on different shards)', async () => {
    const rng = seedrandom('long-shards');
    const lines: string[][] = [[], [], []];
    for (let r = 0; r < panel.unit.length; r++)
      for (const c of ALL)
        lines[Math.floor(rng() * 3)].push(
          JSON.stringify({ unit: panel.unit[r], year: panel.time[r], indicator: c, value: panel.columns[c][r] }),
        );
    for (let i = 0; i < 3; i++) {
      await shards[i].exec('DROP TABLE IF EXISTS panel_long_local');
      await shards[i].exec(
        'CREATE TABLE panel_long_local (unit String, year Int32, indicator String, value Float64) ENGINE = MergeTree ORDER BY (unit, year, indicator)',
      );
      await shards[i].exec(`INSERT INTO panel_long_local FORMAT JSONEachRow\n${lines[i].join('\n')}\n`);
    }
    await shards[0].exec('DROP TABLE IF EXISTS panel_long');
    await shards[0].exec(
      'CREATE TABLE panel_long AS panel_long_local ENGINE = Distributed(xinzhi3, default, panel_long_local, rand())',
    );
    for (const [, over] of VARIANTS.slice(0, 6))
      await expectSameAsMemory(shards[0], 'clickhouse', 'panel_long', panel, { ...syntheticSpec(over), ...LONG });
  });

  it('gives the same weights however the rows are split over the shards', async () => {
    const spec = syntheticSpec({ weights: { method: 'critic' } });
    const entropy = syntheticSpec();
    const mem = { critic: evaluate(panel, spec).weights, entropy: evaluate(panel, entropy).weights };
    const splits: Array<[string, (r: number) => number]> = [
      ['all on one shard', () => 2],
      ['by unit', (r) => Number(panel.unit[r].slice(1)) % 3],
      ['by year', (r) => Number(panel.time[r]) % 3],
      ...[1, 2, 3, 4].map((s): [string, (r: number) => number] => {
        const rng = seedrandom(`split-${s}`);
        const skew = s / 5; // uneven shares
        return [`random ${s}`, () => (rng() < skew ? 0 : rng() < 0.5 ? 1 : 2)];
      }),
    ];
    for (const [label, part] of splits) {
      await distribute(part);
      for (const [method, s] of [
        ['critic', spec],
        ['entropy', entropy],
      ] as const) {
        const got = await runIndexSql(compileIndexSql(s, 'clickhouse', { table: 'panel' }), shards[0]);
        for (const [id, w] of Object.entries(mem[method]))
          expect(Math.abs(got.weights[id] - w) / w, `${label} ${method} ${id}`).toBeLessThan(TOL);
      }
    }
  });
});
