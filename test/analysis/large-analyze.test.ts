/**
 * `xinzhi analyze obstacle | coupling` on the results.json of a large panel
 * (more than LARGE_PANEL_UNITS units, the reports' rule) prints a summary
 * instead of a line per unit-time: how often each factor is among the units'
 * top-k obstacles in the last period, and how many units fall in each
 * coordination class by period. --json still gives every row.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultJson } from '../../src/adapters/report/json.ts';
import { LARGE_PANEL_UNITS } from '../../src/adapters/report/large-panel.ts';
import {
  obstacleFromEvaluation,
  obstacleRows,
  topObstacleCounts,
  topObstacles,
} from '../../src/core/analysis/obstacle.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { syntheticPanel, syntheticSpec } from '../sql/fixture.ts';
import { xinzhi } from './gini-cli-helpers.ts';

const UNITS = LARGE_PANEL_UNITS + 20;
const YEARS = 3;
let results = '';
let small = '';
const result = evaluate(syntheticPanel(UNITS, YEARS), syntheticSpec());

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-large-analyze-'));
  results = join(dir, 'results.json');
  writeFileSync(results, resultJson(result));
  small = join(dir, 'small-results.json');
  writeFileSync(small, resultJson(evaluate(syntheticPanel(30, YEARS), syntheticSpec())));
});

describe('topObstacleCounts', () => {
  it('counts the units whose top k hold each factor in one period, most frequent first', () => {
    // a row: its period and its top obstacles as [id, obstacle] pairs
    const row = (time: number, ...top: Array<[string, number]>) => ({
      time,
      top: top.map(([id, obstacle]) => ({ id, obstacle })),
    });
    const rows = [
      row(2022, ['b', 0.5], ['c', 0.3]),
      row(2022, ['c', 0.6], ['a', 0.2]),
      row(2022, ['c', 0.4], ['b', 0.4]),
      row(2021, ['a', 0.9], ['d', 0.1]),
    ];
    expect(topObstacleCounts(rows, ['a', 'b', 'c', 'd'], 2022)).toEqual([
      { id: 'c', count: 3, share: 1 },
      { id: 'b', count: 2, share: 2 / 3 },
      { id: 'a', count: 1, share: 1 / 3 },
      { id: 'd', count: 0, share: 0 },
    ]);
    // no row in the period: counts 0, shares NaN
    expect(topObstacleCounts(rows, ['a'], 1999)).toEqual([{ id: 'a', count: 0, share: NaN }]);
  });
});

describe('topObstacles', () => {
  it('equals a stable sort of every factor, with ties, for each k', () => {
    const ob = obstacleFromEvaluation(result);
    // rounded shares make ties; the expected order is Array.prototype.sort's (stable) on all factors
    for (const row of obstacleRows(ob).slice(0, 60)) {
      const r = {
        ...row,
        indicators: Object.fromEntries(Object.entries(row.indicators).map(([k, v]) => [k, Math.round(v * 20) / 20])),
      };
      const all = Object.entries(r.indicators)
        .map(([id, obstacle]) => ({ id, obstacle }))
        .sort((a, b) => b.obstacle - a.obstacle);
      for (const k of [1, 2, 3, 5, all.length, all.length + 2]) {
        const got = topObstacles(r, k);
        expect(got.top).toEqual(all.slice(0, k));
        expect(got.tieAtK).toBe(all.length > k && all[k].obstacle === all[k - 1].obstacle);
      }
    }
  });
});

describe('analyze on a large panel', () => {
  it('obstacle: the factors by how often they are among the top k, not a line per unit', () => {
    const r = xinzhi(['analyze', 'obstacle', '--data', results, '--lang', 'en', '--top', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`How often each factor is among a unit's top 2 obstacles (${2010 + YEARS - 1})`);
    expect(r.stdout).toContain(`${UNITS} units, ${UNITS * YEARS} rows: the units are not listed one by one here`);
    expect(r.stdout).not.toContain('U0000');
    const j = xinzhi(['analyze', 'obstacle', '--data', results, '--json', '--top', '2']);
    const doc = JSON.parse(j.stdout) as { rows: Array<{ unit: string; time: number; top: Array<{ id: string }> }> };
    expect(doc.rows).toHaveLength(UNITS * YEARS);
    // the printed count of each factor is the number of last-period rows whose top 2 hold it
    const last = doc.rows.filter((x) => x.time === 2010 + YEARS - 1);
    for (const id of ['a1', 'b1', 'c1']) {
      const count = last.filter((x) => x.top.some((t) => t.id === id)).length;
      expect(r.stdout).toMatch(new RegExp(`\\n${id} +${count} +${((100 * count) / UNITS).toFixed(2)} `));
    }
  });

  it('coupling: the units in each coordination class by period, not a line per unit', () => {
    const r = xinzhi(['analyze', 'coupling', '--data', results, '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Coordination classes (units):');
    expect(r.stdout).toContain(`${UNITS} units, ${UNITS * YEARS} rows`);
    expect(r.stdout).not.toContain('U0000');
    const j = xinzhi(['analyze', 'coupling', '--data', results, '--json']);
    const doc = JSON.parse(j.stdout) as { rows: Array<{ time: number; class: { level: number } }> };
    // each period's line: the counts of the classes shown, which add up to the units
    const lines = r.stdout.split('\n');
    const header = lines
      .find((l) => l.startsWith('time  ') && !l.includes('mean'))!
      .split(/\s+/)
      .slice(1)
      .map(Number);
    for (let y = 0; y < YEARS; y++) {
      const line = lines.find((l) => l.startsWith(`${2010 + y}  `))!;
      const cells = line.split(/\s+/).slice(1).map(Number);
      expect(cells).toEqual(
        header.map((level) => doc.rows.filter((x) => x.time === 2010 + y && x.class.level === level).length),
      );
      expect(cells.reduce((a, b) => a + b, 0)).toBe(UNITS);
    }
  });

  it('a small panel still lists every unit-time', () => {
    for (const cmd of ['obstacle', 'coupling']) {
      const r = xinzhi(['analyze', cmd, '--data', small, '--lang', 'en']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('not listed one by one');
      for (let y = 0; y < YEARS; y++) expect(r.stdout).toMatch(new RegExp(`\\nU0029 +${2010 + y} `));
    }
  });
});
