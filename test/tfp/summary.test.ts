/**
 * The DEA summary of large panels (src/core/tfp/summary.ts) and how the
 * terminal and the reports use it: quartiles as R's type 7 on hand-worked
 * values, both ends of the latest period, and a 250-firm run whose terminal
 * and HTML report summarise while --json keeps every row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LARGE_PANEL_UNITS } from '../../src/adapters/report/large-panel.ts';
import type { TfpResult } from '../../src/core/tfp/run.ts';
import { cumulativeLookup, spreadOf, tfpSummary } from '../../src/core/tfp/summary.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('spreadOf', () => {
  it('counts, means and quartiles (R type 7) by hand on 0.2, 0.5, 0.8, 1 (nulls and NaN left out)', () => {
    // h = 3p: q25 = 0.2 + 0.75·0.3, median = 0.5 + 0.5·0.3, q75 = 0.8 + 0.25·0.2
    const s = spreadOf([1, null, 0.2, Number.NaN, 0.8, 0.5]);
    expect(s.n).toBe(4);
    expect(s.centre).toBeCloseTo(0.625, 15);
    expect([s.min, s.max]).toEqual([0.2, 1]);
    expect(s.q25).toBeCloseTo(0.425, 15);
    expect(s.median).toBeCloseTo(0.65, 15);
    expect(s.q75).toBeCloseTo(0.85, 15);
  });
  it('takes the geometric mean of positive values for indices, and gives nulls for no values', () => {
    expect(spreadOf([0.5, 2, 1], true).centre).toBeCloseTo(1, 15);
    expect(spreadOf([4, 1, -1, 0], true)).toMatchObject({ n: 2, centre: 2 });
    expect(spreadOf([null])).toEqual({ n: 0, centre: null, min: null, q25: null, median: null, q75: null, max: null });
  });
});

describe('tfpSummary', () => {
  const row = (unit: string, time: number, efficiency: number | null, share = 0.5) => ({
    unit,
    time,
    status: efficiency === null ? ('infeasible' as const) : ('optimal' as const),
    efficiency,
    superEfficiency: efficiency !== null && efficiency > 1,
    slacks: {},
    shares: efficiency !== null && efficiency < 1 ? { x: share, y: 1 - share } : { x: 0, y: 0 },
    source: efficiency !== null && efficiency < 1 ? { column: 'x', share, node: null } : null,
  });
  const result = {
    model: { inputs: ['x'], outputs: ['y'], undesirable: [] },
    units: ['a', 'b', 'c', 'd', 'e'],
    times: [2020, 2021],
    results: [
      row('a', 2020, 0.5, 0.2),
      row('b', 2020, 1),
      row('c', 2020, 0.25, 0.6),
      row('d', 2020, null),
      row('e', 2020, 1.2),
      row('a', 2021, 0.9),
      row('b', 2021, 0.3),
      row('c', 2021, 1),
      row('d', 2021, 0.6),
      row('e', 2021, 0.1),
    ],
    index: ['a', 'b', 'c', 'd', 'e'].map((unit, k) => ({
      unit,
      from: 2020,
      to: 2021,
      status: 'optimal',
      value: [1.1, 0.8, 1.5, null, 1][k],
      ec: 1,
      tc: [1.1, 0.8, 1.5, null, 1][k],
    })),
    cumulative: ['a', 'b', 'c', 'd', 'e'].flatMap((unit, k) => [
      { unit, time: 2020, value: 1 },
      { unit, time: 2021, value: [1.1, 0.8, 1.5, null, 1][k] },
    ]),
  } as unknown as TfpResult;
  it('gives the distribution, the efficient units and the mean shares of the inefficient ones by period', () => {
    const s = tfpSummary(result, 2);
    expect(s.efficiency.map((e) => [e.time, e.rows, e.n, e.efficient])).toEqual([
      [2020, 5, 4, 2],
      [2021, 5, 5, 1],
    ]);
    expect(s.efficiency[0].meanShares.x).toBeCloseTo(0.4, 15);
    expect(s.efficiency[0].centre).toBeCloseTo((0.5 + 1 + 0.25 + 1.2) / 4, 15);
  });
  it('lists both ends of the latest period, largest first, and of the last index and cumulative values', () => {
    const s = tfpSummary(result, 2);
    expect(s.best.map((r) => r.unit)).toEqual(['c', 'a']);
    expect(s.worst.map((r) => r.unit)).toEqual(['b', 'e']);
    // four index values and two at each end: the whole list, not split
    expect(s.indexBest.map((r) => r.unit)).toEqual(['c', 'a', 'e', 'b']);
    expect(s.indexWorst).toEqual([]);
    expect(tfpSummary(result, 1).indexWorst.map((r) => r.unit)).toEqual(['b']);
    expect(s.cumulativeBest.map((r) => r.unit)).toEqual(['c', 'a', 'e', 'b']);
    expect(s.index[0]).toMatchObject({ n: 4, ec: 1 });
    expect(s.index[0].centre).toBeCloseTo((1.1 * 0.8 * 1.5 * 1) ** 0.25, 14);
    // a short list is not split
    expect(tfpSummary(result, 5).worst).toEqual([]);
    expect(cumulativeLookup(result)('c', 2021)).toBe(1.5);
    expect(cumulativeLookup(result)('d', 2021)).toBeNull();
  });
});

describe('xinzhi tfp on a firm panel', () => {
  it('summarises the terminal and the report above LARGE_PANEL_UNITS units and keeps every row in --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-tfp-large-'));
    const n = LARGE_PANEL_UNITS + 50;
    const lines = ['firm,year,L,K,Y'];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const year of [2020, 2021])
      for (let i = 0; i < n; i++) {
        const L = 1 + 9 * rnd();
        const K = 1 + 9 * rnd();
        lines.push(`f${i},${year},${L},${K},${L ** 0.4 * K ** 0.5 * (0.5 + 0.5 * rnd())}`);
      }
    const data = join(dir, 'firms.csv');
    writeFileSync(data, `${lines.join('\n')}\n`);
    const model = join(dir, 'm.json');
    writeFileSync(
      model,
      JSON.stringify({ type: 'sbm', unit: 'firm', time: 'year', inputs: ['L', 'K'], outputs: ['Y'] }),
    );
    const run = (args: string[]) =>
      spawnSync(process.execPath, [`${ROOT}bin/xinzhi.js`, 'tfp', '--data', data, '--model', model, ...args], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
    const text = run(['--lang', 'en', '--html', join(dir, 'r.html')]);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n').length).toBeLessThan(100);
    expect(text.stdout).toMatch(/median/);
    expect(text.stdout).toMatch(/The 20 most efficient units in 2021/);
    expect(text.stdout).toMatch(new RegExp(`${2 * n} rows in all; this is a summary`));
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect((html.match(/<tr/g) ?? []).length).toBeLessThan(60);
    expect(html).toMatch(/this is a summary/);
    const doc = JSON.parse(run(['--json']).stdout);
    expect(doc.results).toHaveLength(2 * n);
  });
});
