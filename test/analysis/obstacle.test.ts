/**
 * Obstacle degree against NumPy computed directly from the formulas
 * (test/reference/analysis/obstacle_reference.py → fixtures/obstacle.json),
 * from plain matrices and from an evaluation-result-shaped object.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  obstacleDegree,
  obstacleFromEvaluation,
  obstacleRows,
  topObstacles,
  type ObstacleRow,
} from '../../src/core/analysis/obstacle.ts';
import { obstacleRunOf, obstacleRunRows, resolveAnalysisOptions } from '../../src/core/analysis/runner.ts';
import type { NodeWeight } from '../../src/core/measure/result.ts';
import type { XinzhiError } from '../../src/core/errors.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/obstacle.json', import.meta.url), 'utf8'),
) as {
  shift: number;
  indicators: string[];
  dimensionOf: Record<string, string>;
  dimensions: string[];
  unit: string[];
  time: number[];
  normalized: Record<string, number[]>;
  pooled: { weights: number[]; mean: Record<string, Expected1 & { gap: number }> } & Expected;
  byTime: { weights: Record<string, number[]> } & Expected;
};

type Expected1 = { obstacle: number[]; dimension: number[]; contribution: number[]; dimensionContribution: number[] };
type Expected = {
  obstacle: number[][];
  dimension: number[][];
  contribution: number[][];
  dimensionContribution: number[][];
};

function close(actual: number, expected: number, what: string): void {
  const tol = 1e-9 * Math.max(Math.abs(expected), 1e-6);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
}

function check(rows: ObstacleRow[], exp: Expected): void {
  rows.forEach((row, r) => {
    fx.indicators.forEach((id, j) => close(row.indicators[id], exp.obstacle[r][j], `row ${r} ${id}`));
    fx.dimensions.forEach((d, k) => close(row.dimensions[d], exp.dimension[r][k], `row ${r} ${d}`));
    // unnormalised contributions and the gap
    fx.indicators.forEach((id, j) => close(row.contributions[id], exp.contribution[r][j], `C row ${r} ${id}`));
    fx.dimensions.forEach((d, k) =>
      close(row.dimensionContributions[d], exp.dimensionContribution[r][k], `C row ${r} ${d}`),
    );
    close(
      row.gap,
      exp.contribution[r].reduce((a, b) => a + b, 0),
      `gap row ${r}`,
    );
  });
}

/** The reference panel's obstacle degrees with its pooled weights. */
const pooled = () =>
  obstacleDegree({
    indicators: fx.indicators,
    unit: fx.unit,
    time: fx.time,
    values: fx.indicators.map((id) => fx.normalized[id]),
    weights: fx.pooled.weights,
    dimensionOf: fx.dimensionOf,
    shift: fx.shift,
  });

describe('obstacle degree vs NumPy reference', () => {
  it('plain matrix, pooled weights, ideal 1 + shift', () => {
    const r = pooled();
    expect(r.ideal).toBe(1 + fx.shift);
    expect(r.dimensions).toEqual(fx.dimensions);
    check(obstacleRows(r), fx.pooled);
  });
  it('means by year (obstacleRunOf) and the rows of one year (obstacleRunRows)', () => {
    const ob = pooled();
    const run = obstacleRunOf(ob, resolveAnalysisOptions({ obstacle: { top: 2 } }));
    expect(run.mean.map((m) => String(m.time))).toEqual(Object.keys(fx.pooled.mean));
    expect(run.latest).toBe(2022);
    for (const m of run.mean) {
      const exp = fx.pooled.mean[String(m.time)];
      fx.indicators.forEach((id, j) => {
        close(m.indicators[id], exp.obstacle[j], `mean ${m.time} ${id}`);
        close(m.contributions[id], exp.contribution[j], `mean C ${m.time} ${id}`);
      });
      fx.dimensions.forEach((d, k) => {
        close(m.dimensions[d], exp.dimension[k], `mean ${m.time} ${d}`);
        close(m.dimensionContributions[d], exp.dimensionContribution[k], `mean C ${m.time} ${d}`);
      });
      close(m.gap, exp.gap, `mean gap ${m.time}`);
    }
    const all = obstacleRunRows(run);
    expect(all).toHaveLength(fx.unit.length);
    expect(obstacleRunRows(run, 2021)).toEqual(all.filter((r) => r.time === 2021));
    expect(obstacleRunRows(run, 1999)).toEqual([]);
    for (const r of all) {
      expect(r.top).toEqual(topObstacles(r, 2).top);
      expect(r.mainDimension).toEqual(topObstacles(r, 1, 'dimension').top[0]);
    }
  });
  it('from an evaluation result with weights by time', () => {
    const nodeWeights: NodeWeight[] = [
      ...fx.dimensions.map((d) => ({ id: d, parent: null, kind: 'node' as const, local: 0.5, global: 0.5 })),
      ...fx.indicators.map((id, j) => ({
        id,
        parent: fx.dimensionOf[id],
        kind: 'indicator' as const,
        local: 0,
        global: fx.pooled.weights[j],
        byTime: Object.fromEntries(Object.entries(fx.byTime.weights).map(([t, w]) => [t, { local: 0, global: w[j] }])),
      })),
    ];
    const r = obstacleFromEvaluation({
      indicators: fx.indicators.map((id) => ({ id, column: id, direction: '+' as const, parent: fx.dimensionOf[id] })),
      nodeWeights,
      weights: Object.fromEntries(fx.indicators.map((id, j) => [id, fx.pooled.weights[j]])),
      normalized: {
        unit: fx.unit,
        time: fx.time,
        values: Object.fromEntries(Object.entries(fx.normalized).map(([id, v]) => [id, Float64Array.from(v)])),
      },
      record: { spec: { normalize: { method: 'minmax', shift: fx.shift } } },
    });
    check(obstacleRows(r), fx.byTime);
  });
});

describe('obstacle: top-k, degenerate and errors', () => {
  it('top-k keeps input order on ties and flags a tie at k', () => {
    const r = obstacleDegree({
      indicators: ['a', 'b', 'c'],
      unit: ['u'],
      values: [[0.5], [0.5], [0.9]],
      weights: [1, 1, 1],
    });
    const { top, tieAtK } = topObstacles(obstacleRows(r)[0], 1);
    expect(top.map((t) => t.id)).toEqual(['a']);
    expect(tieAtK).toBe(true);
  });
  it('a unit at the ideal everywhere has obstacle 0 and atIdeal', () => {
    const r = obstacleDegree({ indicators: ['a', 'b'], unit: ['u'], values: [[1], [1]], weights: [0.5, 0.5] });
    expect(obstacleRows(r)[0]).toMatchObject({ atIdeal: true, indicators: { a: 0, b: 0 } });
  });
  it('a value above the ideal is an error naming unit and column', () => {
    try {
      obstacleDegree({ indicators: ['a'], unit: ['Hebei'], time: [2020], values: [[1.0001]], weights: [1] });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({
        code: 'out-of-range',
        unit: 'Hebei',
        time: 2020,
        column: 'a',
      });
    }
  });
});

describe('xinzhi analyze obstacle (CLI, panel + --weights) and report section', async () => {
  const { xinzhi } = await import('./gini-cli-helpers.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-obstacle-'));
  writeFileSync(
    join(dir, 'norm.csv'),
    `Province,Year,${fx.indicators.join(',')}\n` +
      fx.unit
        .map((u, r) => `${u},${fx.time[r]},${fx.indicators.map((id) => fx.normalized[id][r]).join(',')}`)
        .join('\n') +
      '\n',
  );
  writeFileSync(
    join(dir, 'w.csv'),
    'indicator,weight,dimension\n' +
      fx.indicators.map((id, j) => `${id},${fx.pooled.weights[j]},${fx.dimensionOf[id]}`).join('\n') +
      '\n',
  );
  it('matches the reference (pooled weights, shift 0.0001)', () => {
    const r = xinzhi([
      'analyze',
      'obstacle',
      '--data',
      join(dir, 'norm.csv'),
      '--unit',
      'Province',
      '--time',
      'Year',
      '--weights',
      join(dir, 'w.csv'),
      '--shift',
      String(fx.shift),
      '--top',
      '2',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      rows: Array<{
        indicators: Record<string, number>;
        dimensions: Record<string, number>;
        top: Array<{ id: string }>;
      }>;
    };
    check(doc.rows as never, fx.pooled);
    expect(doc.rows[0].top.length).toBe(2);
  });
  it('renders the section', async () => {
    const { obstacleSection } = await import('../../src/adapters/report/sections/obstacle.ts');
    const s = obstacleSection(pooled(), { lang: 'zh' });
    expect((s.html.match(/<svg/g) ?? []).length).toBe(2);
  });
});
